package com.solanamafia.api.transfer;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * sync_business_ownership put the business backed by {@code mint}, from {@code fromWallet}, into {@code wallet}'s
 * lowest free unlocked slot {@code slotIndex} (null: we know no free slot, the chain did; a discrepancy says so).
 * The program leaves the old owner in the business record, so neither owner can sell or upgrade it afterwards.
 */
public record BusinessTakenOver(
        Wallet wallet,
        Wallet fromWallet,
        ChainFact fact,
        Wallet mint,
        Integer slotIndex,
        TransferredBusiness business,
        UnixTime transferredAt) implements ChainFactEvent {
}
