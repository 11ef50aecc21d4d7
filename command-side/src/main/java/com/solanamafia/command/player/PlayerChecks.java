package com.solanamafia.command.player;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessType;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.api.discrepancy.DiscrepancyRules.*;

/** Compares a chain fact with what we know about the player; returns the discrepancies to record before it. */
final class PlayerChecks {
    private final PlayerState state;
    private final Wallet wallet;
    private final ChainFact fact;
    private final List<ChainDiscrepancyDetected> found = new ArrayList<>();

    private PlayerChecks(PlayerState state, Wallet wallet, ChainFact fact) {
        this.state = state;
        this.wallet = wallet;
        this.fact = fact;
    }

    private void flag(String rule, String reason) {
        found.add(new ChainDiscrepancyDetected(wallet, fact, rule, reason));
    }

    private void transferred(PlayerState state, int slotIndex, String what) {
        OwnedBusiness moved = state.transferredAt(slotIndex);
        if (moved != null) {
            flag(TRANSFERRED_BUSINESS_SOLD_OR_UPGRADED, "slot " + slotIndex + " holds the business of mint "
                    + moved.nftMint() + ", moved here by sync_business_ownership, yet it was " + what);
        }
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, PlayerJoined event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (state.joined) {
            checks.flag(PLAYER_JOINED_TWICE, "PlayerCreated for a wallet that had already joined");
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, BusinessPurchased event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (state.activeAt(event.slotIndex()) != null) {
            checks.flag(PURCHASE_INTO_OCCUPIED_SLOT, "slot " + event.slotIndex() + " already holds a business");
        }
        if (BusinessType.fromCode(event.businessTypeCode()) == null) {
            checks.flag(UNKNOWN_BUSINESS_TYPE, "business type code " + event.businessTypeCode());
        }
        if (event.level() > GameRules.MAX_UPGRADE_LEVEL) {
            checks.flag(LEVEL_ABOVE_MAX, "bought at level " + event.level());
        }
        if (event.level() > 0) {
            Lamports typeBase = GameRules.headBaseCost(event.businessTypeCode());
            Lamports value = GameRules.valueAtLevel(typeBase != null ? typeBase : event.baseCost(), event.level());
            if (event.baseCost().compareTo(value) < 0) {
                checks.flag(BUG_LEVEL_BOUGHT_WITHOUT_UPGRADE_COST, "level " + event.level() + " business worth " + value
                        + " bought for a deposit of " + event.baseCost());
            }
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, BusinessUpgraded event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        OwnedBusiness known = event.legacyEvent() ? null : state.activeAt(event.slotIndex());
        if (!event.legacyEvent() && known == null && state.knownFromStart) {
            checks.flag(UPGRADE_OF_EMPTY_SLOT, "slot " + event.slotIndex() + " holds no business");
        }
        if (!event.legacyEvent()) {
            checks.transferred(state, event.slotIndex(), "upgraded");
        }
        Integer oldLevel = event.oldLevel() != null ? event.oldLevel() : known != null ? Integer.valueOf(known.level()) : null;
        if (known != null && event.oldLevel() != null && known.level() != event.oldLevel()) {
            checks.flag(UPGRADE_OLD_LEVEL_MISMATCH, "old level " + event.oldLevel() + ", known level " + known.level());
        }
        if (oldLevel != null && event.newLevel() != oldLevel + 1) {
            checks.flag(UPGRADE_LEVEL_NOT_NEXT, "level " + oldLevel + " -> " + event.newLevel());
        }
        if (event.newLevel() > GameRules.MAX_UPGRADE_LEVEL) {
            checks.flag(LEVEL_ABOVE_MAX, "upgraded to level " + event.newLevel());
        }
        boolean headLayout = !event.legacyEvent() && event.newNftMint() == null;
        if (headLayout && event.newLevel() == GameRules.MAX_UPGRADE_LEVEL) {
            checks.flag(BUG_HEAD_UPGRADE_TO_LEVEL_3, "HEAD upgrade_business rejects next_level >= 3, yet level 3 was reached");
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, BusinessSold event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (event.legacyEvent()) {
            return checks.found;
        }
        OwnedBusiness known = state.activeAt(event.slotIndex());
        if (known == null && state.knownFromStart) {
            checks.flag(SALE_OF_EMPTY_SLOT, "slot " + event.slotIndex() + " holds no business");
        }
        checks.transferred(state, event.slotIndex(), "sold");
        if (known != null && !known.upgradeValue().isZero()) {
            Lamports refunded = GameRules.percentOf(known.upgradeValue(), 100 - event.finalFeePercent());
            checks.flag(BUG_SELL_REFUNDS_UPGRADE_COSTS, "refund includes " + refunded + " of upgrade value "
                    + known.upgradeValue() + " that never went into the pool");
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, BusinessHandedOver event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (event.slotIndex() == null && state.knownFromStart) {
            checks.flag(TRANSFER_OF_BUSINESS_NOT_HELD, "no slot holds the business of mint " + event.mint());
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, BusinessTakenOver event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (event.slotIndex() == null) {
            checks.flag(TRANSFER_WITHOUT_FREE_SLOT, "business of mint " + event.mint()
                    + " arrived, but every known unlocked slot holds a business");
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, EarningsAccrued event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (!state.pendingKnown) {
            return checks.found;
        }
        Lamports expected = state.pending.plus(event.earningsAdded());
        int cmp = event.totalPending().compareTo(expected);
        // cb08020's owner-signed update_earnings accrues silently, so there a higher total is explainable
        if (cmp < 0 || (cmp > 0 && !state.nftEra)) {
            checks.flag(PENDING_EARNINGS_MISMATCH, "total pending " + event.totalPending() + ", expected "
                    + state.pending + " + " + event.earningsAdded() + " = " + expected);
        }
        return checks.found;
    }

    static List<ChainDiscrepancyDetected> of(PlayerState state, EarningsClaimed event) {
        PlayerChecks checks = new PlayerChecks(state, event.wallet(), event.fact());
        if (!state.pendingKnown) {
            return checks.found;
        }
        Lamports known = state.pending.plus(state.referralPending);
        BigInteger daily = state.maxDailyAccrual();
        long elapsed = event.claimedAt().seconds() - state.pendingAsOf;
        boolean timeKnown = event.claimedAt().isSet() && state.pendingAsOf != 0;
        if (known.isZero() && daily.signum() == 0) {
            checks.flag(CLAIM_WITH_NOTHING_PENDING, "claimed " + event.amount() + " with nothing pending and no business");
        } else if (timeKnown) {
            long days = Math.max(1, Math.floorDiv(elapsed + 86_399, 86_400));
            Lamports ceiling = known.plus(new Lamports(daily.multiply(BigInteger.valueOf(days))));
            if (event.amount().compareTo(ceiling) > 0) {
                checks.flag(CLAIM_EXCEEDS_PENDING, "claimed " + event.amount() + ", known pending " + known
                        + ", at most " + ceiling + " with " + days + " day(s) of unrecorded accrual");
            }
        }
        return checks.found;
    }
}
