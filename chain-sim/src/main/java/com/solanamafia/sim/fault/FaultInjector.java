package com.solanamafia.sim.fault;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, per request or notification, which fault to apply. Seeded, so a run's fault pattern repeats.
 * The knobs can be swapped at runtime ({@link #set}) so tests can turn faults on and off.
 */
public final class FaultInjector {
    /** What to do with one HTTP request. */
    public enum HttpFault { NONE, TOO_MANY_REQUESTS, SERVER_ERROR, MALFORMED }

    private final Random random;
    private volatile FaultConfig config;
    private final AtomicLong injected = new AtomicLong();

    public FaultInjector(FaultConfig config, long seed) {
        this.config = config == null ? FaultConfig.NONE : config;
        this.random = new Random(seed ^ 0x5EEDFA17L);
    }

    public FaultConfig config() {
        return config;
    }

    public void set(FaultConfig config) {
        this.config = config == null ? FaultConfig.NONE : config;
    }

    /** How many faults were injected so far (all kinds). */
    public long injectedCount() {
        return injected.get();
    }

    public HttpFault nextHttpFault() {
        FaultConfig c = config;
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        HttpFault fault = HttpFault.NONE;
        if (roll < c.rate429()) {
            fault = HttpFault.TOO_MANY_REQUESTS;
        } else if (roll < c.rate429() + c.http5xx()) {
            fault = HttpFault.SERVER_ERROR;
        } else if (roll < c.rate429() + c.http5xx() + c.malformed()) {
            fault = HttpFault.MALFORMED;
        }
        if (fault != HttpFault.NONE) {
            injected.incrementAndGet();
        }
        return fault;
    }

    public boolean duplicateNotification() {
        double p = config.duplicateNotify();
        if (p <= 0) {
            return false;
        }
        boolean hit;
        synchronized (random) {
            hit = random.nextDouble() < p;
        }
        if (hit) {
            injected.incrementAndGet();
        }
        return hit;
    }

    /** 0 for immediate delivery, else a random delay up to lateNotifyMs. */
    public int notificationDelayMs() {
        int max = config.lateNotifyMs();
        if (max <= 0) {
            return 0;
        }
        synchronized (random) {
            return random.nextInt(max + 1);
        }
    }

    public int pick(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    public void sleepLatency() {
        int ms = config.latencyMs();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
