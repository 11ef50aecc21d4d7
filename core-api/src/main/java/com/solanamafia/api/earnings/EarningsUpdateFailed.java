package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * An attempt for this window did not pay it. {@code kind}: {@code NOT_DUE} (the program said the player is not due
 * yet: re-scheduled, not a failure of ours), {@code REJECTED} (the program or node refused the transaction for another
 * reason), {@code TRANSIENT} (RPC unavailable). The scheduler retries with exponential backoff.
 */
public record EarningsUpdateFailed(Wallet wallet, Instant dueAt, int attempt, Kind kind, String reason, String signature,
                                   Instant failedAt) {
    public enum Kind { NOT_DUE, REJECTED, TRANSIENT }
}
