package com.solanamafia.command.player;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotType;
import com.solanamafia.api.slot.SlotUnlocked;

import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the events tell about one player. Mutated only from event-sourcing handlers; plain fields so Axon's
 * Jackson serializer can snapshot it.
 * <p>
 * {@code knownFromStart}: the first fact we saw for this wallet can only be its first on chain (PlayerCreated, or a
 * purchase, which on HEAD registers implicitly). Then an unknown slot really is empty. This assumes ingestion
 * starts at the program's first slot; {@code pendingKnown} additionally becomes true after any EarningsUpdated
 * (it states the pending balance) or claim (which empties it).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class PlayerState {
    boolean started;
    boolean joined;
    boolean knownFromStart;
    /** Seen a cb08020-layout (NFT era) fact: there, owner-signed update_earnings accrues without any event. */
    boolean nftEra;
    TreeMap<Integer, OwnedBusiness> businesses = new TreeMap<>();
    TreeSet<Integer> unlockedSlots = new TreeSet<>();
    TreeMap<Integer, SlotType> premiumSlots = new TreeMap<>();
    /** Mints of businesses that arrived by sync_business_ownership: the program lets no one sell or upgrade them. */
    TreeSet<String> transferredMints = new TreeSet<>();
    boolean pendingKnown;
    Lamports pending = Lamports.ZERO;
    Lamports referralPending = Lamports.ZERO;
    /** Unix seconds of the last fact that fixed the pending balance; 0 = unknown. */
    long pendingAsOf;
    UnixTime nextEarningsAt = UnixTime.UNSET;
    Lamports totalInvested = Lamports.ZERO;
    Lamports totalUpgradeSpent = Lamports.ZERO;
    Lamports totalSlotSpent = Lamports.ZERO;
    Lamports totalClaimed = Lamports.ZERO;
    Lamports totalReferralCredited = Lamports.ZERO;

    void start(boolean firstOnChain, ChainFact fact) {
        if (!started) {
            started = true;
            knownFromStart = firstOnChain;
            pendingKnown = firstOnChain;
            pendingAsOf = seconds(fact);
        }
    }

    OwnedBusiness activeAt(int slotIndex) {
        OwnedBusiness business = businesses.get(slotIndex);
        return business != null && business.active() ? business : null;
    }

    /** The active business at the slot, if it arrived by a transfer (which the program lets no one sell or upgrade). */
    OwnedBusiness transferredAt(int slotIndex) {
        OwnedBusiness business = activeAt(slotIndex);
        return business != null && business.nftMint() != null
                && transferredMints.contains(business.nftMint().base58()) ? business : null;
    }

    /** The slot holding the business backed by {@code mint}, or null. */
    Integer slotHolding(Wallet mint) {
        return businesses.entrySet().stream().filter(e -> mint.equals(e.getValue().nftMint()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** cb08020 find_free_slot: the lowest-indexed unlocked slot without a business, or null. */
    Integer freeSlot() {
        TreeSet<Integer> unlocked = new TreeSet<>(unlockedSlots);
        unlocked.addAll(premiumSlots.keySet());
        for (int i = 0; i < GameRules.CB08020_INITIALLY_UNLOCKED; i++) {
            unlocked.add(i);
        }
        return unlocked.stream().filter(slot -> !businesses.containsKey(slot)).findFirst().orElse(null);
    }

    /** What an auto-update we saw no event for could add per day: Σ daily earnings with the largest slot bonus. */
    BigInteger maxDailyAccrual() {
        BigInteger daily = businesses.values().stream().map(OwnedBusiness::dailyEarnings).reduce(BigInteger.ZERO, BigInteger::add);
        return daily.multiply(BigInteger.valueOf(10_000L + GameRules.MAX_SLOT_BONUS_BP)).divide(BigInteger.valueOf(10_000));
    }

    void on(PlayerJoined event) {
        start(true, event.fact());
        joined = true;
        nextEarningsAt = Objects.requireNonNullElse(event.nextEarningsAtRaw(), UnixTime.UNSET);
    }

    void on(BusinessPurchased event) {
        start(true, event.fact());
        nftEra |= event.nftMint() != null;
        Lamports base = event.baseCost();
        Lamports value = base;
        if (event.level() > 0) {
            Lamports typeBase = Objects.requireNonNullElse(GameRules.headBaseCost(event.businessTypeCode()), base);
            base = typeBase;
            value = GameRules.valueAtLevel(typeBase, event.level());
        }
        businesses.put(event.slotIndex(), new OwnedBusiness(event.businessTypeCode(), event.level(), base, value,
                event.dailyRateBp(), event.nftMint(), true));
        totalInvested = totalInvested.plus(value);
        if (event.slotCost() != null) {
            totalSlotSpent = totalSlotSpent.plus(event.slotCost());
        }
    }

    void on(BusinessUpgraded event) {
        start(false, event.fact());
        nftEra |= event.newNftMint() != null;
        totalInvested = totalInvested.plus(event.upgradeCost());
        totalUpgradeSpent = totalUpgradeSpent.plus(event.upgradeCost());
        if (event.legacyEvent()) {
            return; // business_index of a never-emitted event: not a slot index we can trust
        }
        OwnedBusiness known = activeAt(event.slotIndex());
        OwnedBusiness unknown = new OwnedBusiness(-1, 0, Lamports.ZERO, Lamports.ZERO, 0, null, true);
        businesses.put(event.slotIndex(), (known != null ? known : unknown)
                .upgraded(event.newLevel(), event.upgradeCost(), event.newDailyRateBp(), event.newNftMint()));
    }

    void on(BusinessSold event) {
        start(false, event.fact());
        if (event.legacyEvent()) {
            return;
        }
        OwnedBusiness sold = businesses.remove(event.slotIndex());
        if (sold != null && sold.nftMint() != null) {
            transferredMints.remove(sold.nftMint().base58());
        }
        Lamports value = event.totalInvested() != null ? event.totalInvested()
                : sold != null ? sold.totalInvested() : Lamports.ZERO;
        totalInvested = totalInvested.minusSaturating(value);
    }

    void on(BusinessDeactivated event) {
        start(false, event.fact());
        businesses.replaceAll((slot, business) ->
                event.businessMint().equals(business.nftMint()) ? business.deactivated() : business);
    }

    void on(BusinessHandedOver event) {
        start(false, event.fact());
        nftEra = true;
        if (event.slotIndex() != null) {
            businesses.remove(event.slotIndex());
        }
        transferredMints.remove(event.mint().base58());
    }

    void on(BusinessTakenOver event) {
        start(false, event.fact());
        nftEra = true;
        if (event.slotIndex() != null) {
            TransferredBusiness b = event.business();
            businesses.put(event.slotIndex(), new OwnedBusiness(b.typeCode(), b.level(), b.baseInvested(),
                    b.totalInvested(), b.dailyRateBp(), event.mint(), true));
        }
        transferredMints.add(event.mint().base58());
    }

    void on(EarningsAccrued event) {
        start(false, event.fact());
        pending = event.totalPending();
        pendingKnown = true;
        pendingAsOf = seconds(event.fact());
        nextEarningsAt = event.nextEarningsAt();
    }

    void on(EarningsClaimed event) {
        start(false, event.fact());
        totalClaimed = totalClaimed.plus(event.amount());
        pending = Lamports.ZERO;
        referralPending = Lamports.ZERO;
        pendingKnown = true;
        pendingAsOf = event.claimedAt().isSet() ? event.claimedAt().seconds() : seconds(event.fact());
    }

    void on(SlotUnlocked event) {
        start(false, event.fact());
        nftEra = true;
        unlockedSlots.add(event.slotIndex());
        totalSlotSpent = totalSlotSpent.plus(event.unlockCost());
    }

    void on(PremiumSlotPurchased event) {
        start(false, event.fact());
        nftEra = true;
        premiumSlots.put(event.slotIndex(), event.slotType());
        totalSlotSpent = totalSlotSpent.plus(event.cost());
    }

    void on(ReferralBonusCredited event) {
        start(false, event.fact());
        nftEra = true;
        referralPending = referralPending.plus(event.amount());
        totalReferralCredited = totalReferralCredited.plus(event.amount());
    }

    void onAnyOtherFact(ChainFact fact) {
        start(false, fact);
    }

    static long seconds(ChainFact fact) {
        return fact.blockTime() == null ? 0 : fact.blockTime().getEpochSecond();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlayerState other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "PlayerState[started=" + started + ", joined=" + joined + ", knownFromStart=" + knownFromStart
                + ", nftEra=" + nftEra + ", businesses=" + businesses + ", unlocked=" + unlockedSlots
                + ", premium=" + premiumSlots + ", transferred=" + transferredMints + ", pendingKnown=" + pendingKnown + ", pending=" + pending
                + ", referralPending=" + referralPending + ", pendingAsOf=" + pendingAsOf + ", next=" + nextEarningsAt
                + ", invested=" + totalInvested + ", upgrades=" + totalUpgradeSpent + ", slots=" + totalSlotSpent
                + ", claimed=" + totalClaimed + ", referrals=" + totalReferralCredited + "]";
    }
}
