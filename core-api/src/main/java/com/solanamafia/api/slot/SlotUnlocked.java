package com.solanamafia.api.slot;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * A player unlocked a basic slot (cb08020 SlotUnlocked).
 */
public record SlotUnlocked(
        Wallet wallet,
        ChainFact fact,
        int slotIndex,
        Lamports unlockCost,
        UnixTime unlockedAt) implements ChainFactEvent {
}
