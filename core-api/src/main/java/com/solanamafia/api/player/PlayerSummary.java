package com.solanamafia.api.player;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/** What dashboards show first about a player; {@code eventPosition} is the event-store position it reflects. */
public record PlayerSummary(
        Wallet wallet,
        Instant joinedAt,
        Lamports entryFeeLamports,
        Instant nextEarningsAt,
        long eventPosition) {
}
