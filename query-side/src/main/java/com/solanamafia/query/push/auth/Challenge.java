package com.solanamafia.query.push.auth;

import java.time.Instant;

/**
 * A one-time login challenge. The client signs {@link #message()} (UTF-8 bytes) with its wallet's ed25519 key,
 * exactly as Solana wallets' {@code signMessage} does.
 */
public record Challenge(String nonce, Instant expiresAt) {
    public static final String PREFIX = "solana-mafia:ws-auth:";

    /** {@code solana-mafia:ws-auth:<nonce>:<expiresAt ISO-8601, UTC, seconds>}. */
    public String message() {
        return PREFIX + nonce + ":" + expiresAt;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
