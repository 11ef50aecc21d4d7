package com.solanamafia.api.query.stats;

/** The totals and the read model's position. */
public record GlobalStatsAnswer(GlobalStats stats, long readModelPosition) {
}
