package com.solanamafia.projections.player;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.PLAYER;

/** The player rows in the table: one upsert guarded by the row's event position per change. */
final class SqlPlayerRows implements PlayerRows {
    private final DSLContext db;

    SqlPlayerRows(DSLContext db) {
        this.db = db;
    }

    @Override
    public void upsert(String wallet, long position, OffsetDateTime activityAt,
                       PlayerSummaryProjection.Changes changes) {
        OffsetDateTime now = com.solanamafia.projections.support.Times.now();
        Map<Field<?>, Object> insert = new LinkedHashMap<>(changes.inserts);
        insert.put(PLAYER.WALLET, wallet);
        insert.put(PLAYER.EVENT_POSITION, position);
        insert.put(PLAYER.UPDATED_AT, now);
        insert.put(PLAYER.LAST_ACTIVITY_AT, activityAt);
        Map<Field<?>, Object> update = changes.sqlUpdates();
        update.put(PLAYER.EVENT_POSITION, position);
        update.put(PLAYER.UPDATED_AT, now);
        update.put(PLAYER.LAST_ACTIVITY_AT, DSL.greatest(DSL.coalesce(PLAYER.LAST_ACTIVITY_AT, DSL.val(activityAt)),
                DSL.val(activityAt)));
        db.insertInto(PLAYER).set(insert)
                .onConflict(PLAYER.WALLET).doUpdate().set(update)
                .where(PLAYER.EVENT_POSITION.lt(position))
                .execute();
    }
}
