package com.solanamafia.api.query.stats;

/** Query: the game-wide totals; answered with {@link GlobalStatsAnswer}. */
public record FindGlobalStats() {
}
