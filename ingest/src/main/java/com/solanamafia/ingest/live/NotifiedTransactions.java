package com.solanamafia.ingest.live;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code logsSubscribe} said about transactions not applied yet, by signature: when the notification arrived
 * (for the notification-to-commit latency) and the transaction's logs, which spare the {@code getTransaction} call
 * once the signature listing reaches it. The listing still decides which transactions exist, their order, slot,
 * block time and failure; a notification only counts for the slot it names, so logs of a transaction that landed
 * again elsewhere are not used. Duplicate notifications keep the first arrival.
 * <p>
 * Bounded: at {@code maxEntries} entries older than {@code maxAge} are dropped (at most once a second) and, if it is
 * still full, new notifications are not kept: those transactions are fetched as before.
 */
public class NotifiedTransactions {
    private static final long PRUNE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final ConcurrentHashMap<String, Notified> bySignature = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeNanos;
    private final AtomicLong lastPrune = new AtomicLong(System.nanoTime() - PRUNE_EVERY_NANOS);

    public NotifiedTransactions(int maxEntries, Duration maxAge) {
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** @param logs null when the notification carried none (the transaction is then fetched) */
    public record Notified(long receivedNanos, long slot, List<String> logs) {
        public Notified {
            logs = logs == null ? null : List.copyOf(logs);
        }
    }

    public void notified(String signature, long slot, List<String> logs, long receivedNanos) {
        if (bySignature.size() >= maxEntries) {
            prune(receivedNanos);
            if (bySignature.size() >= maxEntries) {
                return;
            }
        }
        bySignature.putIfAbsent(signature, new Notified(receivedNanos, slot, logs));
    }

    /** The notified logs of a transaction the listing found at {@code slot}; empty if none or notified at another slot. */
    public Optional<List<String>> logs(String signature, long slot) {
        Notified n = bySignature.get(signature);
        return n == null || n.slot() != slot || n.logs() == null ? Optional.empty() : Optional.of(n.logs());
    }

    /** Forgets a transaction that has been committed; returns its notification, if there was one. */
    public Optional<Notified> committed(String signature) {
        return Optional.ofNullable(bySignature.remove(signature));
    }

    public int size() {
        return bySignature.size();
    }

    private void prune(long now) {
        long last = lastPrune.get();
        if (now - last < PRUNE_EVERY_NANOS || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        bySignature.values().removeIf(n -> now - n.receivedNanos() > maxAgeNanos);
    }
}
