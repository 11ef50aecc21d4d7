package com.solanamafia.projections.player;

import com.solanamafia.projections.jooq.tables.records.PlayerRecord;
import com.solanamafia.projections.support.BatchWallets;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ColumnIndex;
import com.solanamafia.projections.support.Latest;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.projections.support.Times;
import com.solanamafia.projections.support.ChangedRows;
import com.solanamafia.projections.support.ValueRow;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;

import static com.solanamafia.projections.jooq.Tables.PLAYER;

/**
 * The player summary, buffered: the rows change in memory, as {@link SqlPlayerRows} changes them in the table. Each
 * row is held as an array of its values (every event changes one; a jOOQ record's get and set by column search
 * its columns by name).
 */
public final class BufferedPlayerSummary implements BufferedReadModel, PlayerRows {
    private static final ColumnIndex COLUMNS = new ColumnIndex(PLAYER);
    private static final int WALLET = COLUMNS.of(PLAYER.WALLET);
    private static final int EVENT_POSITION = COLUMNS.of(PLAYER.EVENT_POSITION);
    private static final int LAST_ACTIVITY_AT = COLUMNS.of(PLAYER.LAST_ACTIVITY_AT);
    private static final int UPDATED_AT = COLUMNS.of(PLAYER.UPDATED_AT);

    private final DSLContext db;
    private final PlayerSummaryProjection handler;
    private final RowDefaults<PlayerRecord> defaults;
    private final RowCache<String, ValueRow> rows;
    private final ChangedRows<ValueRow> changed = new ChangedRows<>();

    public BufferedPlayerSummary(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new PlayerSummaryProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, PLAYER);
        this.rows = new RowCache<>(wallet -> {
            PlayerRecord record = db.fetchOne(PLAYER, PLAYER.WALLET.eq(wallet));
            return record == null ? null : new ValueRow(record.intoArray());
        }, capacity);
    }

    @Override
    public void upsert(String wallet, long position, OffsetDateTime activityAt,
                       PlayerSummaryProjection.Changes changes) {
        ValueRow row = rows.get(wallet);
        if (row == null) {
            row = new ValueRow(defaults.newValues());
            changes.insertInto(row.values, COLUMNS);
            row.values[WALLET] = wallet;
            row.values[LAST_ACTIVITY_AT] = activityAt;
            rows.put(wallet, row);
        } else if ((Long) row.values[EVENT_POSITION] < position) {
            changes.applyTo(row.values, COLUMNS);
            row.values[LAST_ACTIVITY_AT] = Latest.of((OffsetDateTime) row.values[LAST_ACTIVITY_AT], activityAt);
        } else {
            return;
        }
        row.values[EVENT_POSITION] = position;
        row.values[UPDATED_AT] = Times.now();
        changed.changed(row);
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        BatchWallets.preload(db, PLAYER, PLAYER.WALLET, rows, batch, record -> new ValueRow(record.intoArray()));
    }

    @Override
    public void writeSome() {
        if (rows.full()) {
            write();
        }
    }

    @Override
    public void write() {
        BulkWrite.upsertValues(db, PLAYER, changed.take(row -> row.values), rows);
        rows.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        rows.clear();
    }
}
