package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * The business backed by an NFT was deactivated (cb08020 BusinessDeactivated, declared but never emitted).
 * {@code reason} is the program's text, e.g. nft_burned, nft_transferred, manual.
 */
public record BusinessDeactivated(
        Wallet wallet,
        ChainFact fact,
        Wallet businessMint,
        String reason,
        UnixTime deactivatedAt) implements ChainFactEvent {
}
