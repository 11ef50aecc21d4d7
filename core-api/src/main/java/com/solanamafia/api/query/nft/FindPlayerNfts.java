package com.solanamafia.api.query.nft;

import com.solanamafia.api.chain.Wallet;

/** Query: the business NFTs a player holds or last held (burned ones included), newest first. */
public record FindPlayerNfts(Wallet wallet, int limit, String cursor) {
}
