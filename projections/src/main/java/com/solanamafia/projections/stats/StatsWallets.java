package com.solanamafia.projections.stats;

/** The per-wallet guard rows of the global stats: in the table (live) or in memory (a replay's batch). */
interface StatsWallets {
    /** Moves the wallet's guard to {@code position} (creating it uncounted); false if it is there or beyond. */
    boolean moveTo(String wallet, long position);

    /** Marks the wallet counted as a player; false if it already was. */
    boolean countOnce(String wallet);
}
