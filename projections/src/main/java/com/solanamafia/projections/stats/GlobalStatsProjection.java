package com.solanamafia.projections.stats;

import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.projections.jooq.tables.records.GlobalStatsRecord;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.GLOBAL_STATS;
import static com.solanamafia.projections.jooq.Tables.STATS_WALLET;

/**
 * Game-wide totals in one row. Each event first moves its wallet's guard row ({@code stats_wallet}) forward; only
 * then are its deltas counted, so a redelivery adds nothing. Within a processor batch the deltas are summed in
 * memory and written to the single totals row once, just before the batch commits, so the two segments hold that
 * row's lock only briefly.
 */
@Component
@ProcessingGroup(GlobalStatsProjection.NAME)
public class GlobalStatsProjection {
    public static final String NAME = "global-stats";
    static final int ROW = 1;

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final StatsWallets wallets;

    @Autowired
    public GlobalStatsProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, new SqlStatsWallets(db));
    }

    GlobalStatsProjection(DSLContext db, ProjectionPositions positions, StatsWallets wallets) {
        this.db = db;
        this.positions = positions;
        this.wallets = wallets;
    }

    @EventHandler
    void on(PlayerJoined event, TrackingToken token) {
        apply(event.wallet(), token, true, new Delta().add(GLOBAL_STATS.TOTAL_ENTRY_FEES_LAMPORTS, event.entryFee()));
    }

    @EventHandler
    void on(BusinessPurchased event, TrackingToken token) {
        apply(event.wallet(), token, true, new Delta()
                .count(GLOBAL_STATS.BUSINESSES_PURCHASED, 1)
                .count(GLOBAL_STATS.ACTIVE_BUSINESSES, 1)
                .add(GLOBAL_STATS.TOTAL_INVESTED_LAMPORTS, event.baseCost())
                .add(GLOBAL_STATS.LIFETIME_INVESTED_LAMPORTS, event.baseCost())
                .add(GLOBAL_STATS.TOTAL_SLOT_SPENT_LAMPORTS, event.slotCost()));
    }

    @EventHandler
    void on(BusinessUpgraded event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta()
                .count(GLOBAL_STATS.BUSINESS_UPGRADES, 1)
                .add(GLOBAL_STATS.TOTAL_INVESTED_LAMPORTS, event.upgradeCost())
                .add(GLOBAL_STATS.LIFETIME_INVESTED_LAMPORTS, event.upgradeCost()));
    }

    @EventHandler
    void on(BusinessSold event, TrackingToken token) {
        Delta delta = new Delta()
                .count(GLOBAL_STATS.BUSINESSES_SOLD, 1)
                .count(GLOBAL_STATS.ACTIVE_BUSINESSES, -1)
                .add(GLOBAL_STATS.TOTAL_SELL_RETURNS_LAMPORTS, event.returnAmount());
        if (event.totalInvested() != null) {
            delta.subtract(GLOBAL_STATS.TOTAL_INVESTED_LAMPORTS, event.totalInvested());
        }
        apply(event.wallet(), token, false, delta);
    }

    @EventHandler
    void on(BusinessDeactivated event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().count(GLOBAL_STATS.ACTIVE_BUSINESSES, -1));
    }

    @EventHandler
    void on(EarningsAccrued event, TrackingToken token) {
        apply(event.wallet(), token, false,
                new Delta().add(GLOBAL_STATS.TOTAL_EARNINGS_ACCRUED_LAMPORTS, event.earningsAdded()));
    }

    @EventHandler
    void on(EarningsClaimed event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().add(GLOBAL_STATS.TOTAL_CLAIMED_LAMPORTS, event.amount()));
    }

    @EventHandler
    void on(ReferralBonusCredited event, TrackingToken token) {
        apply(event.wallet(), token, false,
                new Delta().add(GLOBAL_STATS.TOTAL_REFERRAL_BONUS_LAMPORTS, event.amount()));
    }

    @EventHandler
    void on(SlotUnlocked event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().add(GLOBAL_STATS.TOTAL_SLOT_SPENT_LAMPORTS, event.unlockCost()));
    }

    @EventHandler
    void on(PremiumSlotPurchased event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().add(GLOBAL_STATS.TOTAL_SLOT_SPENT_LAMPORTS, event.cost()));
    }

    @EventHandler
    void on(NftMinted event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().count(GLOBAL_STATS.NFTS_MINTED, 1));
    }

    @EventHandler
    void on(NftBurned event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().count(GLOBAL_STATS.NFTS_BURNED, 1));
    }

    @EventHandler
    void on(ChainDiscrepancyDetected event, TrackingToken token) {
        apply(event.wallet(), token, false, new Delta().count(GLOBAL_STATS.DISCREPANCIES, 1));
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
        db.deleteFrom(GLOBAL_STATS).execute();
        db.deleteFrom(STATS_WALLET).execute();
        positions.forget(NAME);
    }

    private void apply(Wallet wallet, TrackingToken token, boolean countsPlayer, Delta delta) {
        long position = ProjectionPositions.positionOf(token);
        if (wallets.moveTo(wallet.base58(), position)) {
            if (countsPlayer && wallets.countOnce(wallet.base58())) {
                delta.count(GLOBAL_STATS.PLAYERS, 1);
            }
            delta.position = position;
            if (CurrentUnitOfWork.isStarted()) {
                batchDelta().merge(delta);
            } else {
                flush(delta);
            }
        }
        positions.record(NAME, position);
    }

    private Delta batchDelta() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource("global-stats-delta", key -> {
            Delta batch = new Delta();
            root.onPrepareCommit(uow -> flush(batch));
            return batch;
        });
    }

    void flush(Delta delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        Map<Field<?>, Object> insert = new LinkedHashMap<>();
        Map<Field<?>, Object> update = new LinkedHashMap<>();
        insert.put(GLOBAL_STATS.ID, ROW);
        delta.counts.forEach((column, value) -> {
            insert.put(column, Math.max(0, value));
            update.put(column, DSL.greatest(column.plus(value), DSL.val(0L)));
        });
        delta.amounts.forEach((column, value) -> {
            insert.put(column, value.max(BigInteger.ZERO));
            update.put(column, DSL.greatest(column.plus(value), DSL.val(BigInteger.ZERO)));
        });
        var now = Times.now();
        insert.put(GLOBAL_STATS.EVENT_POSITION, delta.position);
        insert.put(GLOBAL_STATS.UPDATED_AT, now);
        update.put(GLOBAL_STATS.EVENT_POSITION, DSL.greatest(GLOBAL_STATS.EVENT_POSITION, DSL.val(delta.position)));
        update.put(GLOBAL_STATS.UPDATED_AT, now);
        db.insertInto(GLOBAL_STATS).set(insert).onConflict(GLOBAL_STATS.ID).doUpdate().set(update).execute();
    }

    /** Changes to the totals row; counts may be negative (a sale lowers active businesses). */
    static final class Delta {
        final Map<TableField<GlobalStatsRecord, Long>, Long> counts = new LinkedHashMap<>();
        final Map<TableField<GlobalStatsRecord, BigInteger>, BigInteger> amounts = new LinkedHashMap<>();
        long position = -1;

        Delta count(TableField<GlobalStatsRecord, Long> column, long by) {
            counts.merge(column, by, Long::sum);
            return this;
        }

        Delta add(TableField<GlobalStatsRecord, BigInteger> column, Lamports amount) {
            if (amount != null) {
                amounts.merge(column, amount.value(), BigInteger::add);
            }
            return this;
        }

        Delta subtract(TableField<GlobalStatsRecord, BigInteger> column, Lamports amount) {
            if (amount != null) {
                amounts.merge(column, amount.value().negate(), BigInteger::add);
            }
            return this;
        }

        void merge(Delta other) {
            other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            other.amounts.forEach((k, v) -> amounts.merge(k, v, BigInteger::add));
            position = Math.max(position, other.position);
        }

        boolean isEmpty() {
            return counts.isEmpty() && amounts.isEmpty() && position < 0;
        }
    }
}
