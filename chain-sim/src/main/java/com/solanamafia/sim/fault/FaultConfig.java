package com.solanamafia.sim.fault;

import java.util.Locale;

/**
 * Fault injection knobs. Probabilities are per HTTP request (429, 5xx, malformed) or per notification
 * (duplicate); {@code lateNotifyMs} delays each notification by a random 0..N ms, which also reorders them.
 * Faults only touch responses and deliveries, never the ledger.
 *
 * <p>Text form (CLI {@code --faults}):
 * {@code rate429=0.1,retryAfter=1,http5xx=0.05,latencyMs=50,malformed=0.02,wsDropEverySec=30,duplicateNotify=0.1,lateNotifyMs=500}
 */
public record FaultConfig(
        double rate429,
        int retryAfterSeconds,
        double http5xx,
        int latencyMs,
        double malformed,
        int wsDropEverySec,
        double duplicateNotify,
        int lateNotifyMs) {

    public static final FaultConfig NONE = new FaultConfig(0, 1, 0, 0, 0, 0, 0, 0);

    public FaultConfig {
        requireProbability("rate429", rate429);
        requireProbability("http5xx", http5xx);
        requireProbability("malformed", malformed);
        requireProbability("duplicateNotify", duplicateNotify);
        if (retryAfterSeconds < 0 || latencyMs < 0 || wsDropEverySec < 0 || lateNotifyMs < 0) {
            throw new IllegalArgumentException("fault durations cannot be negative");
        }
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0,1], got " + p);
        }
    }

    public boolean any() {
        return !equals(NONE) && (rate429 > 0 || http5xx > 0 || latencyMs > 0 || malformed > 0
                || wsDropEverySec > 0 || duplicateNotify > 0 || lateNotifyMs > 0);
    }

    /** Parses {@code key=value} pairs separated by commas; unknown keys are an error. Empty text = no faults. */
    public static FaultConfig parse(String text) {
        FaultConfig c = NONE;
        if (text == null || text.isBlank()) {
            return c;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("fault must be key=value: " + pair);
            }
            String v = kv[1].trim();
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "rate429" -> c = c.withRate429(Double.parseDouble(v));
                case "retryafter" -> c = new FaultConfig(c.rate429, Integer.parseInt(v), c.http5xx, c.latencyMs, c.malformed, c.wsDropEverySec, c.duplicateNotify, c.lateNotifyMs);
                case "http5xx" -> c = new FaultConfig(c.rate429, c.retryAfterSeconds, Double.parseDouble(v), c.latencyMs, c.malformed, c.wsDropEverySec, c.duplicateNotify, c.lateNotifyMs);
                case "latencyms" -> c = new FaultConfig(c.rate429, c.retryAfterSeconds, c.http5xx, Integer.parseInt(v), c.malformed, c.wsDropEverySec, c.duplicateNotify, c.lateNotifyMs);
                case "malformed" -> c = new FaultConfig(c.rate429, c.retryAfterSeconds, c.http5xx, c.latencyMs, Double.parseDouble(v), c.wsDropEverySec, c.duplicateNotify, c.lateNotifyMs);
                case "wsdropeverysec" -> c = new FaultConfig(c.rate429, c.retryAfterSeconds, c.http5xx, c.latencyMs, c.malformed, Integer.parseInt(v), c.duplicateNotify, c.lateNotifyMs);
                case "duplicatenotify" -> c = new FaultConfig(c.rate429, c.retryAfterSeconds, c.http5xx, c.latencyMs, c.malformed, c.wsDropEverySec, Double.parseDouble(v), c.lateNotifyMs);
                case "latenotifyms" -> c = new FaultConfig(c.rate429, c.retryAfterSeconds, c.http5xx, c.latencyMs, c.malformed, c.wsDropEverySec, c.duplicateNotify, Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown fault knob '" + kv[0] + "'");
            }
        }
        return c;
    }

    public FaultConfig withRate429(double p) {
        return new FaultConfig(p, retryAfterSeconds, http5xx, latencyMs, malformed, wsDropEverySec, duplicateNotify, lateNotifyMs);
    }

    public FaultConfig withHttp5xx(double p) {
        return new FaultConfig(rate429, retryAfterSeconds, p, latencyMs, malformed, wsDropEverySec, duplicateNotify, lateNotifyMs);
    }

    public FaultConfig withMalformed(double p) {
        return new FaultConfig(rate429, retryAfterSeconds, http5xx, latencyMs, p, wsDropEverySec, duplicateNotify, lateNotifyMs);
    }

    public FaultConfig withLatencyMs(int ms) {
        return new FaultConfig(rate429, retryAfterSeconds, http5xx, ms, malformed, wsDropEverySec, duplicateNotify, lateNotifyMs);
    }

    public FaultConfig withWsDropEverySec(int seconds) {
        return new FaultConfig(rate429, retryAfterSeconds, http5xx, latencyMs, malformed, seconds, duplicateNotify, lateNotifyMs);
    }

    public FaultConfig withDuplicateNotify(double p) {
        return new FaultConfig(rate429, retryAfterSeconds, http5xx, latencyMs, malformed, wsDropEverySec, p, lateNotifyMs);
    }

    public FaultConfig withLateNotifyMs(int ms) {
        return new FaultConfig(rate429, retryAfterSeconds, http5xx, latencyMs, malformed, wsDropEverySec, duplicateNotify, ms);
    }

    public FaultConfig withRetryAfterSeconds(int seconds) {
        return new FaultConfig(rate429, seconds, http5xx, latencyMs, malformed, wsDropEverySec, duplicateNotify, lateNotifyMs);
    }

    @Override
    public String toString() {
        return "rate429=" + rate429 + ",retryAfter=" + retryAfterSeconds + ",http5xx=" + http5xx + ",latencyMs=" + latencyMs
                + ",malformed=" + malformed + ",wsDropEverySec=" + wsDropEverySec + ",duplicateNotify=" + duplicateNotify
                + ",lateNotifyMs=" + lateNotifyMs;
    }
}
