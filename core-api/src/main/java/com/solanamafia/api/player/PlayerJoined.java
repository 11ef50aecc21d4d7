package com.solanamafia.api.player;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/** A wallet joined the game and paid its entry fee. {@code nextEarningsAt} is null when the chain says 0. */
public record PlayerJoined(
        Wallet wallet,
        ChainFact fact,
        Lamports entryFee,
        Instant joinedAt,
        Instant nextEarningsAt) {
}
