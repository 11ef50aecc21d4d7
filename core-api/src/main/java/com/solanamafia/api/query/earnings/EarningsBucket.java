package com.solanamafia.api.query.earnings;

import com.solanamafia.api.chain.Lamports;

import java.time.LocalDate;

/** Sums of one period ([periodStart, periodEnd], UTC dates): earnings accrued and claimed, and how many of each. */
public record EarningsBucket(LocalDate periodStart, LocalDate periodEnd, Lamports accruedLamports,
                             Lamports claimedLamports, int accruals, int claims) {
}
