package com.solanamafia.api.nft;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * The holder of a business NFT took the business over (cb08020 BusinessTransferred via
 * sync_business_ownership): the business left {@code fromWallet}'s slot for a free slot of {@code toWallet}.
 */
public record NftTransferred(
        Wallet fromWallet,
        Wallet toWallet,
        ChainFact fact,
        Wallet mint,
        UnixTime transferredAt) implements ChainFactEvent {
}
