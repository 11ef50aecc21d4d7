package com.solanamafia.projections.nft;

import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.NFT;
import static com.solanamafia.projections.jooq.Tables.NFT_OWNERSHIP;

/** The NFT rows in the tables: one statement per change. */
final class SqlNftRows implements NftRows {
    private final DSLContext db;

    SqlNftRows(DSLContext db) {
        this.db = db;
    }

    @Override
    public void upsert(String mint, long position, Map<Field<?>, Object> row, Map<Field<?>, Object> changes) {
        db.insertInto(NFT).set(row)
                .onConflict(NFT.MINT).doUpdate().set(changes)
                .where(NFT.EVENT_POSITION.lt(position))
                .execute();
    }

    @Override
    public void insertOwnership(Map<Field<?>, Object> row) {
        db.insertInto(NFT_OWNERSHIP).set(row).onConflictDoNothing().execute();
    }
}
