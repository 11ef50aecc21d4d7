package com.solanamafia.ingest.rpc;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, capped at {@code maxDelay}. A server's Retry-After is honoured when it
 * asks for longer, up to a minute, so a misbehaving node cannot park us forever.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(10));
    private static final long RETRY_AFTER_CAP_MS = 60_000;

    public Duration delayBefore(int attempt, Duration retryAfter) {
        long cap = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(attempt - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        if (retryAfter == null) {
            return Duration.ofMillis(jittered);
        }
        return Duration.ofMillis(Math.max(jittered, Math.min(retryAfter.toMillis(), RETRY_AFTER_CAP_MS)));
    }
}
