package com.solanamafia.api.transfer;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * sync_business_ownership took the business backed by {@code mint} out of {@code wallet}'s slot
 * {@code slotIndex} (null: no slot we know held it) for {@code toWallet}.
 */
public record BusinessHandedOver(
        Wallet wallet,
        Wallet toWallet,
        ChainFact fact,
        Wallet mint,
        Integer slotIndex,
        UnixTime transferredAt) implements ChainFactEvent {
}
