package com.solanamafia.api.slot;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: SlotUnlocked (cb08020 IDL only).
 */
public record RecordSlotUnlocked(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int slotIndex,
        Lamports unlockCost,
        UnixTime unlockedAt) implements ChainFactCommand {
}
