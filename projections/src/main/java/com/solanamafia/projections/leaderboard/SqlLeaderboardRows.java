package com.solanamafia.projections.leaderboard;

import com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord;
import com.solanamafia.projections.support.Times;
import org.jooq.DSLContext;
import org.jooq.TableField;

import java.math.BigInteger;
import java.time.OffsetDateTime;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_ENTRY;
import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_REFERRAL;

/** The leaderboard rows in the tables: one statement per change. */
final class SqlLeaderboardRows implements LeaderboardRows {
    private final DSLContext db;

    SqlLeaderboardRows(DSLContext db) {
        this.db = db;
    }

    @Override
    public boolean addReferral(String referrer, String referred) {
        return db.insertInto(LEADERBOARD_REFERRAL)
                .set(LEADERBOARD_REFERRAL.REFERRER, referrer)
                .set(LEADERBOARD_REFERRAL.REFERRED_PLAYER, referred)
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public void add(String wallet, long position, TableField<LeaderboardEntryRecord, BigInteger> column,
                    BigInteger value, int referrals) {
        OffsetDateTime now = Times.now();
        db.insertInto(LEADERBOARD_ENTRY)
                .set(LEADERBOARD_ENTRY.WALLET, wallet)
                .set(column, value)
                .set(LEADERBOARD_ENTRY.REFERRAL_COUNT, referrals)
                .set(LEADERBOARD_ENTRY.EVENT_POSITION, position)
                .set(LEADERBOARD_ENTRY.UPDATED_AT, now)
                .onConflict(LEADERBOARD_ENTRY.WALLET).doUpdate()
                .set(column, column.plus(value))
                .set(LEADERBOARD_ENTRY.REFERRAL_COUNT, LEADERBOARD_ENTRY.REFERRAL_COUNT.plus(referrals))
                .set(LEADERBOARD_ENTRY.EVENT_POSITION, position)
                .set(LEADERBOARD_ENTRY.UPDATED_AT, now)
                .where(LEADERBOARD_ENTRY.EVENT_POSITION.lt(position))
                .execute();
    }
}
