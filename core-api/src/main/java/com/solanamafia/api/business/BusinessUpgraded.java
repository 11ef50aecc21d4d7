package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * A business was upgraded. From BusinessUpgradedInSlot (either layout) or the legacy BusinessUpgraded.
 * {@code legacyEvent} is true for the legacy event: {@code slotIndex} is then its {@code business_index}, and
 * {@code oldLevel} and {@code upgradedAt} are null. {@code oldNftMint}/{@code newNftMint} exist only in the cb08020
 * ("full") layout of BusinessUpgradedInSlot and are null otherwise.
 */
public record BusinessUpgraded(
        Wallet wallet,
        ChainFact fact,
        int slotIndex,
        Integer oldLevel,
        int newLevel,
        Lamports upgradeCost,
        int newDailyRateBp,
        Wallet oldNftMint,
        Wallet newNftMint,
        UnixTime upgradedAt,
        boolean legacyEvent) implements ChainFactEvent {
}
