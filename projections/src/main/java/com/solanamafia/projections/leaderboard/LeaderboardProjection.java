package com.solanamafia.projections.leaderboard;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.OffsetDateTime;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_ENTRY;
import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_REFERRAL;

/**
 * Ranking totals per player: earnings accrued (and claimed), lifetime invested (deposits plus upgrades), distinct
 * referred players and referral bonus. Indexed per board; rows guarded by their event position.
 */
@Component
@ProcessingGroup(LeaderboardProjection.NAME)
public class LeaderboardProjection {
    public static final String NAME = "leaderboards";

    private final DSLContext db;
    private final ProjectionPositions positions;

    public LeaderboardProjection(DSLContext db, ProjectionPositions positions) {
        this.db = db;
        this.positions = positions;
    }

    @EventHandler
    void on(EarningsAccrued event, TrackingToken token) {
        add(event.wallet(), token, LEADERBOARD_ENTRY.EARNINGS_LAMPORTS, event.earningsAdded(), 0);
    }

    @EventHandler
    void on(EarningsClaimed event, TrackingToken token) {
        add(event.wallet(), token, LEADERBOARD_ENTRY.CLAIMED_LAMPORTS, event.amount(), 0);
    }

    @EventHandler
    void on(BusinessPurchased event, TrackingToken token) {
        add(event.wallet(), token, LEADERBOARD_ENTRY.INVESTED_LAMPORTS, event.baseCost(), 0);
    }

    @EventHandler
    void on(BusinessUpgraded event, TrackingToken token) {
        add(event.wallet(), token, LEADERBOARD_ENTRY.INVESTED_LAMPORTS, event.upgradeCost(), 0);
    }

    @EventHandler
    void on(ReferralBonusCredited event, TrackingToken token) {
        int newReferral = db.insertInto(LEADERBOARD_REFERRAL)
                .set(LEADERBOARD_REFERRAL.REFERRER, event.wallet().base58())
                .set(LEADERBOARD_REFERRAL.REFERRED_PLAYER, event.referredPlayer().base58())
                .onConflictDoNothing()
                .execute();
        add(event.wallet(), token, LEADERBOARD_ENTRY.REFERRAL_BONUS_LAMPORTS, event.amount(), newReferral);
    }

    /**
     * Any other event: nothing to change, but the read model has now seen this position, so a client waiting for
     * its own write (X-Read-Model-Position) is not kept waiting by events this read model ignores.
     */
    @EventHandler
    void on(Object other, TrackingToken token) {
        positions.record(NAME, ProjectionPositions.positionOf(token));
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(LEADERBOARD_ENTRY).execute();
        db.deleteFrom(LEADERBOARD_REFERRAL).execute();
        positions.forget(NAME);
    }

    private void add(Wallet wallet, TrackingToken token, TableField<?, BigInteger> column, Lamports amount,
                     int referrals) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime now = Times.now();
        BigInteger value = amount == null ? BigInteger.ZERO : amount.value();
        @SuppressWarnings("unchecked")
        TableField<com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord, BigInteger> field =
                (TableField<com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord, BigInteger>) column;
        db.insertInto(LEADERBOARD_ENTRY)
                .set(LEADERBOARD_ENTRY.WALLET, wallet.base58())
                .set(field, value)
                .set(LEADERBOARD_ENTRY.REFERRAL_COUNT, referrals)
                .set(LEADERBOARD_ENTRY.EVENT_POSITION, position)
                .set(LEADERBOARD_ENTRY.UPDATED_AT, now)
                .onConflict(LEADERBOARD_ENTRY.WALLET).doUpdate()
                .set(field, field.plus(value))
                .set(LEADERBOARD_ENTRY.REFERRAL_COUNT, LEADERBOARD_ENTRY.REFERRAL_COUNT.plus(referrals))
                .set(LEADERBOARD_ENTRY.EVENT_POSITION, position)
                .set(LEADERBOARD_ENTRY.UPDATED_AT, now)
                .where(LEADERBOARD_ENTRY.EVENT_POSITION.lt(position))
                .execute();
        positions.record(NAME, position);
    }
}
