package com.solanamafia.api.query.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.LocalDate;

/**
 * Query: a player's accruals and claims summed per period, oldest first, for periods starting within
 * [{@code from}, {@code to}] (either may be null: open). {@code cursor} continues a previous page.
 */
public record FindEarnings(Wallet wallet, EarningsPeriod period, LocalDate from, LocalDate to, int limit,
                           String cursor) {
}
