package com.solanamafia.projections.earnings;

import org.jooq.DSLContext;
import org.jooq.Field;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.EARNINGS_DAILY;
import static com.solanamafia.projections.jooq.Tables.EARNINGS_ENTRY;

/** The earnings rows in the tables: one statement per change. */
final class SqlEarningsRows implements EarningsRows {
    private final DSLContext db;

    SqlEarningsRows(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean insertEntry(Map<Field<?>, Object> row) {
        return db.insertInto(EARNINGS_ENTRY).set(row).onConflictDoNothing().execute() == 1;
    }

    @Override
    public void addToDay(String wallet, LocalDate day, BigInteger accrued, BigInteger claimed, int accruals,
                         int claims) {
        db.insertInto(EARNINGS_DAILY)
                .set(EARNINGS_DAILY.WALLET, wallet)
                .set(EARNINGS_DAILY.EARNED_ON, day)
                .set(EARNINGS_DAILY.ACCRUED_LAMPORTS, accrued)
                .set(EARNINGS_DAILY.CLAIMED_LAMPORTS, claimed)
                .set(EARNINGS_DAILY.ACCRUAL_COUNT, accruals)
                .set(EARNINGS_DAILY.CLAIM_COUNT, claims)
                .onConflict(EARNINGS_DAILY.WALLET, EARNINGS_DAILY.EARNED_ON).doUpdate()
                .set(EARNINGS_DAILY.ACCRUED_LAMPORTS, EARNINGS_DAILY.ACCRUED_LAMPORTS.plus(accrued))
                .set(EARNINGS_DAILY.CLAIMED_LAMPORTS, EARNINGS_DAILY.CLAIMED_LAMPORTS.plus(claimed))
                .set(EARNINGS_DAILY.ACCRUAL_COUNT, EARNINGS_DAILY.ACCRUAL_COUNT.plus(accruals))
                .set(EARNINGS_DAILY.CLAIM_COUNT, EARNINGS_DAILY.CLAIM_COUNT.plus(claims))
                .execute();
    }
}
