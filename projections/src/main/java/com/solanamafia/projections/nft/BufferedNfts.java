package com.solanamafia.projections.nft;

import com.solanamafia.projections.jooq.tables.records.NftOwnershipRecord;
import com.solanamafia.projections.jooq.tables.records.NftRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RecordValues;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.NFT;
import static com.solanamafia.projections.jooq.Tables.NFT_OWNERSHIP;

/**
 * NFTs for a replay: rows change in memory as {@link SqlNftRows} changes them in the tables. Ownership rows are
 * keyed by event position and a replay applies each event once, so they are all new (written ON CONFLICT DO NOTHING
 * all the same).
 */
public final class BufferedNfts implements BufferedReadModel, NftRows {
    private final DSLContext db;
    private final NftProjection handler;
    private final RowDefaults<NftRecord> defaults;
    private final RowDefaults<NftOwnershipRecord> ownershipDefaults;
    private final RowCache<String, NftRecord> nfts;
    private final Map<String, NftRecord> changed = new LinkedHashMap<>();
    private final List<NftOwnershipRecord> ownership = new ArrayList<>();

    public BufferedNfts(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new NftProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, NFT);
        this.ownershipDefaults = RowDefaults.of(db, NFT_OWNERSHIP);
        this.nfts = new RowCache<>(mint -> db.fetchOne(NFT, NFT.MINT.eq(mint)), capacity);
    }

    @Override
    public void upsert(String mint, long position, Map<Field<?>, Object> row, Map<Field<?>, Object> changes) {
        NftRecord nft = nfts.get(mint);
        if (nft == null) {
            nft = defaults.newRecord();
            RecordValues.setAll(nft, row);
            nfts.put(mint, nft);
        } else if (nft.getEventPosition() < position) {
            RecordValues.setAll(nft, changes);
        } else {
            return;
        }
        changed.put(mint, nft);
    }

    @Override
    public void insertOwnership(Map<Field<?>, Object> row) {
        NftOwnershipRecord record = ownershipDefaults.newRecord();
        RecordValues.setAll(record, row);
        ownership.add(record);
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void write() {
        BulkWrite.upsert(db, NFT, changed.values());
        BulkWrite.insertNew(db, NFT_OWNERSHIP, ownership);
        changed.clear();
        ownership.clear();
        nfts.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        ownership.clear();
        nfts.clear();
    }
}
