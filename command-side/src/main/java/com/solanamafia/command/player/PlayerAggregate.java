package com.solanamafia.command.player;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.business.LegacyBusinessCreated;
import com.solanamafia.api.business.RecordBusinessDeactivated;
import com.solanamafia.api.business.RecordBusinessPurchased;
import com.solanamafia.api.business.RecordBusinessSold;
import com.solanamafia.api.business.RecordBusinessUpgraded;
import com.solanamafia.api.business.RecordLegacyBusinessCreated;
import com.solanamafia.api.business.RecordLegacyBusinessSold;
import com.solanamafia.api.business.RecordLegacyBusinessUpgraded;
import com.solanamafia.api.business.RecordNftBusinessPurchased;
import com.solanamafia.api.business.RecordNftBusinessUpgraded;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.earnings.RecordEarningsAccrued;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.player.RecordPlayerJoined;
import com.solanamafia.api.referral.RecordReferralBonusCredited;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.RecordPremiumSlotPurchased;
import com.solanamafia.api.slot.RecordSlotUnlocked;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.RecordBusinessHandedOver;
import com.solanamafia.api.transfer.RecordBusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.solanamafia.command.support.RecentPositions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A player, identified by wallet: slots, businesses, pending earnings and totals, from chain facts only.
 * Chain facts are never refused: a fact that contradicts what we know (or hits a known program bug) is recorded
 * after a {@link ChainDiscrepancyDetected} (rules in {@link PlayerChecks}). A command whose chain position was
 * applied recently is ignored ({@link RecentPositions}). Every handler may create the player: on HEAD a player
 * appears through create_business without PlayerCreated, and ingestion may meet any fact first.
 * NFT ownership lives in {@code NftAggregate} (one stream per mint); a transfer (BusinessTransferred) reaches the
 * NFT first, then the old owner (the business leaves its slot), then the new owner (it arrives in the lowest free
 * unlocked slot): each handler answers with the next command of the same fact, which the ingester sends at once.
 */
@Aggregate(snapshotTriggerDefinition = "playerSnapshotTrigger", cache = "aggregateCache",
        commandTargetResolver = "commandTargets")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlayerAggregate {

    @AggregateIdentifier
    private Wallet wallet;
    private PlayerState state = new PlayerState();
    private RecentPositions recent = new RecentPositions();

    protected PlayerAggregate() {
    }

    /** @return false for a duplicate (its position was applied recently): nothing recorded */
    private boolean record(ChainFactCommand command, ChainFactEvent event, List<ChainDiscrepancyDetected> discrepancies) {
        if (recent.contains(command.fact())) {
            return false;
        }
        discrepancies.forEach(AggregateLifecycle::apply);
        apply(event);
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPlayerJoined c) {
        PlayerJoined event = new PlayerJoined(c.wallet(), c.fact(), c.entryFee(), c.joinedAt(), c.nextEarningsAt(),
                c.joinedAtRaw(), c.nextEarningsAtRaw());
        record(c, event, PlayerChecks.of(state, event));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordNftBusinessPurchased c) {
        purchase(c, new BusinessPurchased(c.wallet(), c.fact(), c.slotIndex(), c.businessTypeCode(), 0, c.baseCost(),
                null, null, c.dailyRateBp(), c.nftMint(), c.createdAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBusinessPurchased c) {
        purchase(c, new BusinessPurchased(c.wallet(), c.fact(), c.slotIndex(), c.businessTypeCode(), c.level(),
                c.baseCost(), c.slotCost(), c.totalPaid(), c.dailyRateBp(), null, c.createdAt()));
    }

    private void purchase(ChainFactCommand c, BusinessPurchased event) {
        record(c, event, PlayerChecks.of(state, event));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLegacyBusinessCreated c) {
        record(c, new LegacyBusinessCreated(c.wallet(), c.fact(), c.businessTypeCode(), c.investedAmount(),
                c.dailyRateBp(), c.treasuryFee(), c.createdAt()), List.of());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordNftBusinessUpgraded c) {
        upgrade(c, new BusinessUpgraded(c.wallet(), c.fact(), c.slotIndex(), c.oldLevel(), c.newLevel(),
                c.upgradeCost(), c.newDailyRateBp(), c.oldNftMint(), c.newNftMint(), c.upgradedAt(), false));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBusinessUpgraded c) {
        upgrade(c, new BusinessUpgraded(c.wallet(), c.fact(), c.slotIndex(), c.oldLevel(), c.newLevel(),
                c.upgradeCost(), c.newDailyRateBp(), null, null, c.upgradedAt(), false));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLegacyBusinessUpgraded c) {
        upgrade(c, new BusinessUpgraded(c.wallet(), c.fact(), c.businessIndex(), null, c.newLevel(),
                c.upgradeCost(), c.newDailyRateBp(), null, null, null, true));
    }

    private void upgrade(ChainFactCommand c, BusinessUpgraded event) {
        record(c, event, PlayerChecks.of(state, event));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBusinessSold c) {
        sale(c, new BusinessSold(c.wallet(), c.fact(), c.slotIndex(), c.businessTypeCode(), c.totalInvested(),
                c.daysHeld(), c.baseFeePercent(), c.slotDiscountPercent(), c.finalFeePercent(), c.returnAmount(),
                c.soldAt(), false));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLegacyBusinessSold c) {
        sale(c, new BusinessSold(c.wallet(), c.fact(), c.businessIndex(), null, null, c.daysHeld(), null, null,
                c.sellFeePercent(), c.returnAmount(), null, true));
    }

    private void sale(ChainFactCommand c, BusinessSold event) {
        record(c, event, PlayerChecks.of(state, event));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBusinessDeactivated c) {
        record(c, new BusinessDeactivated(c.wallet(), c.fact(), c.businessMint(), c.reason(), c.deactivatedAt()),
                List.of());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordEarningsAccrued c) {
        EarningsAccrued event = new EarningsAccrued(c.wallet(), c.fact(), c.earningsAdded(), c.totalPending(),
                c.nextEarningsAt(), c.businessesCount());
        record(c, event, PlayerChecks.of(state, event));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordEarningsClaimed c) {
        EarningsClaimed event = new EarningsClaimed(c.wallet(), c.fact(), c.amount(), c.claimedAt());
        record(c, event, PlayerChecks.of(state, event));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSlotUnlocked c) {
        record(c, new SlotUnlocked(c.wallet(), c.fact(), c.slotIndex(), c.unlockCost(), c.unlockedAt()), List.of());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPremiumSlotPurchased c) {
        record(c, new PremiumSlotPurchased(c.wallet(), c.fact(), c.slotType(), c.slotIndex(), c.cost(),
                c.purchasedAt()), List.of());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReferralBonusCredited c) {
        record(c, new ReferralBonusCredited(c.wallet(), c.fact(), c.referredPlayer(), c.amount(), c.level(),
                c.creditedAt()), List.of());
    }

    /**
     * sync_business_ownership, old owner's side: the business leaves its slot. Answers with the new owner's side of
     * the same fact, carrying what this history knows of the business (null for a duplicate).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordBusinessTakenOver handle(RecordBusinessHandedOver c) {
        Integer slot = state.slotHolding(c.mint());
        TransferredBusiness business = slot == null ? TransferredBusiness.UNKNOWN
                : state.businesses.get(slot).transferred();
        BusinessHandedOver event = new BusinessHandedOver(c.wallet(), c.toWallet(), c.fact(), c.mint(), slot,
                c.transferredAt());
        if (!record(c, event, PlayerChecks.of(state, event))) {
            return null;
        }
        return new RecordBusinessTakenOver(c.toWallet(), c.wallet(), c.fact(), c.mint(), business, c.transferredAt());
    }

    /** sync_business_ownership, new owner's side: the business arrives in the lowest free unlocked slot. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordBusinessTakenOver c) {
        BusinessTakenOver event = new BusinessTakenOver(c.wallet(), c.fromWallet(), c.fact(), c.mint(),
                state.freeSlot(), c.business(), c.transferredAt());
        record(c, event, PlayerChecks.of(state, event));
    }

    private void applied(Wallet wallet, ChainFactEvent event) {
        this.wallet = wallet;
        recent.remember(event.fact());
    }

    @EventSourcingHandler
    void on(ChainDiscrepancyDetected e) {
        applied(e.wallet(), e);
    }

    @EventSourcingHandler
    void on(PlayerJoined e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(BusinessPurchased e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(LegacyBusinessCreated e) {
        applied(e.wallet(), e);
        state.onAnyOtherFact(e.fact());
    }

    @EventSourcingHandler
    void on(BusinessUpgraded e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(BusinessSold e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(BusinessDeactivated e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(BusinessHandedOver e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(BusinessTakenOver e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(EarningsAccrued e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(EarningsClaimed e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(SlotUnlocked e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(PremiumSlotPurchased e) {
        applied(e.wallet(), e);
        state.on(e);
    }

    @EventSourcingHandler
    void on(ReferralBonusCredited e) {
        applied(e.wallet(), e);
        state.on(e);
    }
}
