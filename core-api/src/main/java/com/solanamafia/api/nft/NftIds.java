package com.solanamafia.api.nft;

import com.solanamafia.api.chain.Wallet;

/** Aggregate identifiers of NFT streams: {@code nft:<mint>}, so a mint never shares a stream id with a wallet. */
public final class NftIds {
    public static final String PREFIX = "nft:";

    private NftIds() {
    }

    public static String aggregateId(Wallet mint) {
        return PREFIX + mint.base58();
    }
}
