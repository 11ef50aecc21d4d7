package com.solanamafia.projections.earnings;

import org.jooq.Field;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;

/** Where the earnings rows change: in the tables (live) or in memory (a replay's batch). */
interface EarningsRows {
    /** Inserts an entry unless its event position exists; whether it was new. */
    boolean insertEntry(Map<Field<?>, Object> row);

    /** Adds to the wallet's sums of the day (a new row starts from zero). */
    void addToDay(String wallet, LocalDate day, BigInteger accrued, BigInteger claimed, int accruals, int claims);
}
