package com.solanamafia.query.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis is an optimisation for the query API (cache, rate limits), never a dependency: after a failed Redis call
 * the API skips Redis for {@link #PAUSE} (serving from PostgreSQL, not rate limiting) instead of waiting for a
 * timeout on every request. Counts failures in {@code api.redis.failures{use=...}}; logs at most every 30 s.
 */
@Component
public class RedisGuard {
    static final Duration PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final MeterRegistry meters;
    private final AtomicLong skipUntil = new AtomicLong();
    private final AtomicLong loggedAt = new AtomicLong();

    public RedisGuard(MeterRegistry meters) {
        this.meters = meters;
    }

    public boolean usable() {
        return System.nanoTime() - skipUntil.get() >= 0;
    }

    public void failed(String use, Exception e) {
        skipUntil.set(System.nanoTime() + PAUSE.toNanos());
        meters.counter("api.redis.failures", "use", use).increment();
        long now = System.nanoTime();
        long last = loggedAt.get();
        if (now - last > Duration.ofSeconds(30).toNanos() && loggedAt.compareAndSet(last, now)) {
            log.warn("Redis unavailable for {} ({}); serving without it for {} s", use, e.toString(), PAUSE.toSeconds());
        }
    }
}
