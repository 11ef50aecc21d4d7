package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * A signed transaction carrying this window's update was handed to the RPC node. {@code signature} is the
 * transaction id, {@code instructionIndex} the player's instruction in it (several players share a transaction),
 * {@code lastValidBlockHeight} the height after which the transaction can no longer land.
 */
public record EarningsUpdateSubmitted(Wallet wallet, Instant dueAt, int attempt, String signature, int instructionIndex,
                                      int batchSize, long lastValidBlockHeight, Instant submittedAt) {
}
