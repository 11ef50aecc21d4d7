package com.solanamafia.projections.stats;

import com.solanamafia.projections.jooq.tables.records.StatsWalletRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.BatchWallets;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.STATS_WALLET;

/**
 * Global stats for a replay: the per-wallet guard rows change in memory as {@link SqlStatsWallets} changes them; the
 * totals row is written once per batch by the projection itself (as in a live processor batch).
 */
public final class BufferedGlobalStats implements BufferedReadModel, StatsWallets {
    private final DSLContext db;
    private final GlobalStatsProjection handler;
    private final RowCache<String, StatsWalletRecord> guards;
    private final Map<String, StatsWalletRecord> changed = new LinkedHashMap<>();

    public BufferedGlobalStats(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new GlobalStatsProjection(db, positions, this);
        this.guards = new RowCache<>(wallet -> db.fetchOne(STATS_WALLET, STATS_WALLET.WALLET.eq(wallet)), capacity);
    }

    @Override
    public boolean moveTo(String wallet, long position) {
        StatsWalletRecord guard = guards.get(wallet);
        if (guard == null) {
            guard = new StatsWalletRecord(wallet, false, position);
            guards.put(wallet, guard);
        } else if (guard.getEventPosition() < position) {
            guard.setEventPosition(position);
        } else {
            return false;
        }
        changed.put(wallet, guard);
        return true;
    }

    @Override
    public boolean countOnce(String wallet) {
        StatsWalletRecord guard = guards.get(wallet);
        if (guard == null || guard.getCounted()) {
            return false;
        }
        guard.setCounted(true);
        changed.put(wallet, guard);
        return true;
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        BatchWallets.preload(db, STATS_WALLET, STATS_WALLET.WALLET, guards, batch);
    }

    @Override
    public void writeSome() {
        if (guards.full()) {
            write();
        }
    }

    @Override
    public void write() {
        BulkWrite.upsert(db, STATS_WALLET, changed.values(), guards);
        changed.clear();
        guards.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        guards.clear();
    }
}
