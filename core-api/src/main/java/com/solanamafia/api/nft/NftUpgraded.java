package com.solanamafia.api.nft;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;

/**
 * A business NFT's level changed (cb08020 BusinessNFTUpgraded, declared but never emitted).
 */
public record NftUpgraded(
        Wallet wallet,
        ChainFact fact,
        Wallet mint,
        int oldLevel,
        int newLevel,
        int newDailyRateBp) implements ChainFactEvent {
}
