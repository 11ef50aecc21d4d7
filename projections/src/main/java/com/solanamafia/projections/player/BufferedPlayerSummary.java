package com.solanamafia.projections.player;

import com.solanamafia.projections.jooq.tables.records.PlayerRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.Latest;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RecordValues;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.projections.support.Times;
import com.solanamafia.projections.support.BatchWallets;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.PLAYER;

/** The player summary, buffered: the rows change in memory, as {@link SqlPlayerRows} changes them in the table. */
public final class BufferedPlayerSummary implements BufferedReadModel, PlayerRows {
    private final DSLContext db;
    private final PlayerSummaryProjection handler;
    private final RowDefaults<PlayerRecord> defaults;
    private final RowCache<String, PlayerRecord> rows;
    private final Map<String, PlayerRecord> changed = new LinkedHashMap<>();

    public BufferedPlayerSummary(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new PlayerSummaryProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, PLAYER);
        this.rows = new RowCache<>(wallet -> db.fetchOne(PLAYER, PLAYER.WALLET.eq(wallet)), capacity);
    }

    @Override
    public void upsert(String wallet, long position, OffsetDateTime activityAt,
                       PlayerSummaryProjection.Changes changes) {
        PlayerRecord row = rows.get(wallet);
        OffsetDateTime now = Times.now();
        if (row == null) {
            row = defaults.newRecord();
            RecordValues.setAll(row, changes.inserts);
            row.setWallet(wallet);
            row.setLastActivityAt(activityAt);
            rows.put(wallet, row);
        } else if (row.getEventPosition() < position) {
            changes.applyTo(row);
            row.setLastActivityAt(Latest.of(row.getLastActivityAt(), activityAt));
        } else {
            return;
        }
        row.setEventPosition(position);
        row.setUpdatedAt(now);
        changed.put(wallet, row);
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        BatchWallets.preload(db, PLAYER, PLAYER.WALLET, rows, batch);
    }

    @Override
    public void writeSome() {
        if (rows.full()) {
            write();
        }
    }

    @Override
    public void write() {
        BulkWrite.upsert(db, PLAYER, changed.values(), rows);
        changed.clear();
        rows.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        rows.clear();
    }
}
