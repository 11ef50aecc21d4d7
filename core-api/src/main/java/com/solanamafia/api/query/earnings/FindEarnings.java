package com.solanamafia.api.query.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.LocalDate;

/**
 * Query: a player's accruals and claims on UTC days within [{@code from}, {@code to}] (either may be null: open),
 * summed per period, oldest period first. {@code cursor} (a period start) continues a previous page.
 */
public record FindEarnings(Wallet wallet, EarningsPeriod period, LocalDate from, LocalDate to, int limit,
                           String cursor) {
}
