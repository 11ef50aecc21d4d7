package com.solanamafia.api.query.nft;

import java.util.List;

/** A page of a player's NFTs (without history); {@code playerKnown} is false when no read model has seen the wallet. */
public record PlayerNfts(boolean playerKnown, List<NftView> nfts, String nextCursor, long readModelPosition) {
}
