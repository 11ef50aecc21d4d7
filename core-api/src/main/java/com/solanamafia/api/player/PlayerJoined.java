package com.solanamafia.api.player;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * A wallet joined the game and paid its entry fee (chain event PlayerCreated). {@code joinedAt} and
 * {@code nextEarningsAt} are null when the chain says 0 or the value does not fit an Instant; the exact chain
 * values are in {@code joinedAtRaw} and {@code nextEarningsAtRaw} (null only in events stored before they existed).
 */
public record PlayerJoined(
        Wallet wallet,
        ChainFact fact,
        Lamports entryFee,
        Instant joinedAt,
        Instant nextEarningsAt,
        UnixTime joinedAtRaw,
        UnixTime nextEarningsAtRaw) implements ChainFactEvent {

    /** The original five-field form; the raw values are derived from the instants. */
    public PlayerJoined(Wallet wallet, ChainFact fact, Lamports entryFee, Instant joinedAt, Instant nextEarningsAt) {
        this(wallet, fact, entryFee, joinedAt, nextEarningsAt, UnixTime.of(joinedAt), UnixTime.of(nextEarningsAt));
    }
}
