package com.solanamafia.projections.stats;

import org.jooq.DSLContext;

import static com.solanamafia.projections.jooq.Tables.STATS_WALLET;

/** The guard rows in the table: one statement each. */
final class SqlStatsWallets implements StatsWallets {
    private final DSLContext db;

    SqlStatsWallets(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean moveTo(String wallet, long position) {
        return db.insertInto(STATS_WALLET)
                .set(STATS_WALLET.WALLET, wallet)
                .set(STATS_WALLET.COUNTED, false)
                .set(STATS_WALLET.EVENT_POSITION, position)
                .onConflict(STATS_WALLET.WALLET).doUpdate()
                .set(STATS_WALLET.EVENT_POSITION, position)
                .where(STATS_WALLET.EVENT_POSITION.lt(position))
                .execute() == 1;
    }

    @Override
    public boolean countOnce(String wallet) {
        return db.update(STATS_WALLET).set(STATS_WALLET.COUNTED, true)
                .where(STATS_WALLET.WALLET.eq(wallet)).and(STATS_WALLET.COUNTED.isFalse())
                .execute() == 1;
    }
}
