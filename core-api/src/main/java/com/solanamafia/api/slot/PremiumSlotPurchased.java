package com.solanamafia.api.slot;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * A player bought an extra premium/VIP/legendary slot (cb08020 PremiumSlotPurchased).
 */
public record PremiumSlotPurchased(
        Wallet wallet,
        ChainFact fact,
        SlotType slotType,
        int slotIndex,
        Lamports cost,
        UnixTime purchasedAt) implements ChainFactEvent {
}
