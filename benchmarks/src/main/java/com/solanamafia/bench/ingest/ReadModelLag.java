package com.solanamafia.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the app's event processors trail the event store while the live load runs: every 250 ms, the store's
 * highest global index minus the slowest processor's position (the lowest token index over all processors and
 * segments). A pooled processor stores the token of a segment with nothing to do only when it extends its claim
 * (every few seconds), so the figures overstate the lag rather than hide it.
 */
final class ReadModelLag implements AutoCloseable {
    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private final Connection db;
    private final List<Long> samples = new ArrayList<>();
    private final java.util.Map<String, Long> worstByProcessor = new java.util.TreeMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    ReadModelLag(String jdbcUrl, String user) throws SQLException {
        this.db = DriverManager.getConnection(jdbcUrl, user, "");
        this.sampler = new Thread(this::sample, "read-model-lag");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            try {
                long lag = lag();
                if (lag >= 0) {
                    synchronized (samples) {
                        samples.add(lag);
                    }
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // a busy server: try again at the next tick
            }
        }
    }

    /** Events the slowest processor is behind the store's head; -1 when no processor has a token. */
    long lag() throws SQLException {
        long head;
        try (ResultSet rs = db.createStatement().executeQuery("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")) {
            rs.next();
            head = rs.getLong(1);
        }
        long slowest = Long.MAX_VALUE;
        try (ResultSet rs = db.createStatement().executeQuery("SELECT processor_name, convert_from(token, 'UTF8') FROM event_store.token_entry WHERE token IS NOT NULL")) {
            while (rs.next()) {
                Matcher m = INDEX.matcher(rs.getString(2));
                if (m.find()) {
                    long index = Long.parseLong(m.group(1));
                    slowest = Math.min(slowest, index);
                    synchronized (samples) {
                        worstByProcessor.merge(rs.getString(1), head - index, Math::max);
                    }
                }
            }
        }
        return slowest == Long.MAX_VALUE ? -1 : Math.max(0, head - slowest);
    }

    /** Stops sampling; then waits (up to {@code maxSeconds}) for every processor to reach the head and says how long it took. */
    String report(int maxSeconds) throws Exception {
        running = false;
        sampler.interrupt();
        sampler.join();
        long[] sorted;
        synchronized (samples) {
            sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return "read models: no event processor ran (no token in event_store.token_entry)";
        }
        long start = System.nanoTime();
        long lag = lag();
        while (lag > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(maxSeconds)) {
            Thread.sleep(100);
            lag = lag();
        }
        String drained = lag == 0
                ? String.format("caught up %.1f s after the last transaction was committed", (System.nanoTime() - start) / 1e9)
                : "still " + lag + " events behind after " + maxSeconds + " s";
        return String.format("read models (slowest processor) behind the store during the run, events: p50=%d p99=%d max=%d "
                        + "(%d samples); %s", sorted[sorted.length / 2], sorted[(int) Math.ceil(0.99 * sorted.length) - 1],
                sorted[sorted.length - 1], sorted.length, drained) + "; max behind per processor: " + worstByProcessor;
    }

    @Override
    public void close() throws SQLException {
        running = false;
        sampler.interrupt();
        db.close();
    }
}
