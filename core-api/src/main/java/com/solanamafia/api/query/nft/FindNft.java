package com.solanamafia.api.query.nft;

import com.solanamafia.api.chain.Wallet;

/** Query: one business NFT with its ownership history; answered with {@link NftAnswer}. */
public record FindNft(Wallet mint) {
}
