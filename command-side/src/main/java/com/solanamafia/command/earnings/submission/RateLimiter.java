package com.solanamafia.command.earnings.submission;

/** A blocking limiter: at most {@code permitsPerSecond} acquisitions per second, evenly spaced. */
public final class RateLimiter {
    private final long intervalNanos;
    private long next = System.nanoTime();

    public RateLimiter(double permitsPerSecond) {
        this.intervalNanos = permitsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / permitsPerSecond);
    }

    public void acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (next < now) {
                next = now;
            }
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
