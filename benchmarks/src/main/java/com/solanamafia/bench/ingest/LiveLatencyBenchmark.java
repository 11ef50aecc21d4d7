package com.solanamafia.bench.ingest;

import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live ingest latency: the chain simulator runs here and notifies at append time; the app (started by the
 * script against it) ingests. Latency of transaction i = first time the committed checkpoint covers i, minus
 * its append time (checkpoint polled every 2 ms, so figures carry up to 2 ms of polling resolution).
 * Args: {@code <jdbcUrl> <user> <tps> <seconds> <simPort> [warmUpSeconds]}; prints p50/p90/p99/max, and how far the
 * app's event processors (read models, push) trailed the store meanwhile. The app must
 * run without earnings automation: its update transactions would count as ingested ones.
 */
public final class LiveLatencyBenchmark {
    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String user = args[1];
        double tps = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int port = Integer.parseInt(args[4]);
        int warmUpSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        try (ChainSimulator sim = ChainSimulator.start(SimConfig.builder().host("127.0.0.1").httpPort(port).seed(3)
                .players(2000).build());
             Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            System.out.println("simulator ready at " + sim.rpcUrl() + "; waiting for the app's first checkpoint");
            sim.generateGameTransactions(1);
            while (checkpointCount(db) < 1) {
                Thread.sleep(100);
            }
            warmUp(sim, db, tps, warmUpSeconds);
            ReadModelLag readModels = new ReadModelLag(jdbcUrl, user);
            long base = checkpointCount(db);
            int total = (int) (tps * seconds);
            long[] appendedAt = new long[total];
            ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
            long periodNanos = (long) (1_000_000_000L / tps);
            int[] next = {0};
            producer.scheduleAtFixedRate(() -> {
                if (next[0] < total) {
                    appendedAt[next[0]] = System.nanoTime();
                    sim.generateGameTransactions(1);
                    next[0]++;
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            long[] committedAt = new long[total];
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30L);
            while (seen < total && System.nanoTime() < deadline) {
                long covered = Math.min(total, checkpointCount(db) - base);
                long now = System.nanoTime();
                while (seen < covered) {
                    committedAt[seen++] = now;
                }
                Thread.sleep(2);
            }
            producer.shutdownNow();
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < seen; i++) {
                latencies.add((committedAt[i] - appendedAt[i]) / 1_000_000);
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("live ingest at %.0f tx/s for %d s: %d/%d transactions committed; latency ms p50=%d p90=%d p99=%d max=%d%n",
                    tps, seconds, seen, total, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                    sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
            System.out.println(readModels.report(120));
            readModels.close();
        }
    }

    /** The same load, unmeasured, until the app (JIT, pools, caches) has handled it all. */
    private static void warmUp(ChainSimulator sim, Connection db, double tps, int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        long base = checkpointCount(db);
        int total = (int) (tps * seconds);
        long periodNanos = (long) (1_000_000_000L / tps);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long wait = start + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sim.generateGameTransactions(1);
        }
        while (checkpointCount(db) - base < total) {
            Thread.sleep(10);
        }
        System.out.println("warmed up with " + total + " transactions at " + tps + " tx/s");
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long checkpointCount(Connection db) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("SELECT coalesce(sum(transactions_applied), 0) FROM ingest.checkpoint")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    private LiveLatencyBenchmark() {
    }

}
