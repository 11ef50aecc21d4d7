package com.solanamafia.projections.stats;

import com.solanamafia.projections.jooq.tables.records.StatsWalletRecord;
import com.solanamafia.projections.support.BatchWallets;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ChangedRows;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RowCache;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;

import java.util.List;

import static com.solanamafia.projections.jooq.Tables.STATS_WALLET;

/**
 * Global stats for a replay: the per-wallet guard rows change in memory as {@link SqlStatsWallets} changes them; the
 * totals row is written once per batch by the projection itself (as in a live processor batch).
 */
public final class BufferedGlobalStats implements BufferedReadModel, StatsWallets {
    /**
     * A guard row as held in memory. Every event moves one, so it is a plain object rather than a jOOQ record (whose
     * setter compares the column with the primary key's on every call).
     */
    private static final class Guard extends ChangedRows.Held {
        final String wallet;
        boolean counted;
        long position;

        Guard(String wallet, boolean counted, long position) {
            this.wallet = wallet;
            this.counted = counted;
            this.position = position;
        }

        static Guard of(StatsWalletRecord row) {
            return new Guard(row.getWallet(), row.getCounted(), row.getEventPosition());
        }

        StatsWalletRecord record() {
            return new StatsWalletRecord(wallet, counted, position);
        }
    }

    private final DSLContext db;
    private final GlobalStatsProjection handler;
    private final RowCache<String, Guard> guards;
    private final ChangedRows<Guard> changed = new ChangedRows<>();

    public BufferedGlobalStats(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new GlobalStatsProjection(db, positions, this);
        this.guards = new RowCache<>(wallet -> {
            StatsWalletRecord row = db.fetchOne(STATS_WALLET, STATS_WALLET.WALLET.eq(wallet));
            return row == null ? null : Guard.of(row);
        }, capacity);
    }

    @Override
    public boolean moveTo(String wallet, long position) {
        Guard guard = guards.get(wallet);
        if (guard == null) {
            guard = new Guard(wallet, false, position);
            guards.put(wallet, guard);
        } else if (guard.position < position) {
            guard.position = position;
        } else {
            return false;
        }
        changed.changed(guard);
        return true;
    }

    @Override
    public boolean countOnce(String wallet) {
        Guard guard = guards.get(wallet);
        if (guard == null || guard.counted) {
            return false;
        }
        guard.counted = true;
        changed.changed(guard);
        return true;
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        BatchWallets.preload(db, STATS_WALLET, STATS_WALLET.WALLET, guards, batch, Guard::of);
    }

    @Override
    public void writeSome() {
        if (guards.full()) {
            write();
        }
    }

    @Override
    public void write() {
        BulkWrite.upsert(db, STATS_WALLET, changed.take(Guard::record), guards);
        guards.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        guards.clear();
    }
}
