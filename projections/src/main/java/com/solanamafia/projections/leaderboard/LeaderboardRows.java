package com.solanamafia.projections.leaderboard;

import com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord;
import org.jooq.TableField;

import java.math.BigInteger;

/** Where the leaderboard rows change: in the tables (live) or in memory (a replay's batch). */
interface LeaderboardRows {
    /** Records that {@code referrer} referred {@code referred}; whether the pair is new. */
    boolean addReferral(String referrer, String referred);

    /**
     * Adds {@code value} to {@code column} and {@code referrals} to the referral count of the wallet's row (a new row
     * starts from zero), unless the row reflects {@code position} already.
     */
    void add(String wallet, long position, TableField<LeaderboardEntryRecord, BigInteger> column, BigInteger value,
             int referrals);
}
