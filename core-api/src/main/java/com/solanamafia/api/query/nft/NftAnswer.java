package com.solanamafia.api.query.nft;

/** The NFT (null when unknown) and the read model's position. */
public record NftAnswer(NftView nft, long readModelPosition) {
}
