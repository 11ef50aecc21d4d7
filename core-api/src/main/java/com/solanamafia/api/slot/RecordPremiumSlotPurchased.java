package com.solanamafia.api.slot;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: PremiumSlotPurchased (cb08020 IDL only).
 */
public record RecordPremiumSlotPurchased(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        SlotType slotType,
        int slotIndex,
        Lamports cost,
        UnixTime purchasedAt) implements ChainFactCommand {
}
