package com.solanamafia.ingest.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Where ingestion stands, for logs, the status endpoint and the CLI progress bar. */
public class IngestProgress {
    public enum Phase { STARTING, STANDBY, BACKFILL, LIVE, STOPPED }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);
    private final AtomicLong signaturesFound = new AtomicLong();
    private final AtomicLong transactionsToApply = new AtomicLong();
    private final AtomicLong transactionsApplied = new AtomicLong();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final AtomicLong lastSlot = new AtomicLong(-1);
    private final AtomicLong headSlot = new AtomicLong(-1);
    private final AtomicReference<Instant> runStartedAt = new AtomicReference<>(Instant.now());
    private final AtomicLong runApplied = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public record Snapshot(Phase phase, long signaturesFound, long transactionsToApply, long transactionsApplied,
                           long eventsApplied, long lastSlot, long headSlot, long slotLag, double transactionsPerSecond,
                           Long etaSeconds, String lastError) {
    }

    void phase(Phase next) {
        phase.set(next);
    }

    Phase phase() {
        return phase.get();
    }

    void runStarted(long toApply) {
        runStartedAt.set(Instant.now());
        runApplied.set(0);
        transactionsToApply.set(toApply);
    }

    void found(long signatures) {
        signaturesFound.addAndGet(signatures);
    }

    void applied(int transactions, int events, long slot) {
        transactionsApplied.addAndGet(transactions);
        runApplied.addAndGet(transactions);
        eventsApplied.addAndGet(events);
        lastSlot.accumulateAndGet(slot, Math::max);
    }

    void head(long slot) {
        headSlot.set(slot);
    }

    void error(String message) {
        lastError.set(message);
    }

    public Snapshot snapshot() {
        double seconds = Math.max(0.001, Duration.between(runStartedAt.get(), Instant.now()).toMillis() / 1000.0);
        double rate = runApplied.get() / seconds;
        long remaining = Math.max(0, transactionsToApply.get() - runApplied.get());
        Long eta = rate > 0 && phase.get() == Phase.BACKFILL ? (long) Math.ceil(remaining / rate) : null;
        long lag = headSlot.get() >= 0 && lastSlot.get() >= 0 ? Math.max(0, headSlot.get() - lastSlot.get()) : -1;
        return new Snapshot(phase.get(), signaturesFound.get(), transactionsToApply.get(), transactionsApplied.get(),
                eventsApplied.get(), lastSlot.get(), headSlot.get(), lag, Math.round(rate * 10) / 10.0, eta, lastError.get());
    }
}
