package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * The earnings scheduler asked for an on-chain earnings update of one player for one due window. The window is
 * identified by {@code (wallet, dueAt)}; {@code dueAt} is chain time (the player's on-chain next_earnings_time).
 * {@code trigger} says why: {@code schedule}, {@code retry}, {@code admin:<actor>}.
 */
public record EarningsUpdateRequested(Wallet wallet, Instant dueAt, int attempt, String trigger, Instant requestedAt) {
}
