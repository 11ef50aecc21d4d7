package com.solanamafia.projections.leaderboard;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;

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
    private final LeaderboardRows rows;

    @Autowired
    public LeaderboardProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, new SqlLeaderboardRows(db));
    }

    LeaderboardProjection(DSLContext db, ProjectionPositions positions, LeaderboardRows rows) {
        this.db = db;
        this.positions = positions;
        this.rows = rows;
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
        int newReferral = rows.addReferral(event.wallet().base58(), event.referredPlayer().base58()) ? 1 : 0;
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

    private void add(Wallet wallet, TrackingToken token, TableField<LeaderboardEntryRecord, BigInteger> column,
                     Lamports amount, int referrals) {
        long position = ProjectionPositions.positionOf(token);
        rows.add(wallet.base58(), position, column, amount == null ? BigInteger.ZERO : amount.value(), referrals);
        positions.record(NAME, position);
    }
}
