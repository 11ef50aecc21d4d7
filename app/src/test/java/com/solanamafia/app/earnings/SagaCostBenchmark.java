package com.solanamafia.app.earnings;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.app.SolanaMafia;
import com.solanamafia.command.earnings.EarningsScheduleSaga;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cost of the earnings schedule saga per EarningsAccrued: SQL statements (pg_stat_statements, which the PostgreSQL
 * server named by TEST_PG_URL must preload) and CPU of the saga's processor threads. Not a test: it only runs with
 * {@code -Dsaga.bench.dir}. Every wallet first gets a saga (one accrual each, not measured), then
 * {@code saga.bench.events} accruals for random wallets are published at {@code saga.bench.rate}/s in 10 ms ticks,
 * each moving its wallet's due time, and the saga processor is waited for. At the end every wallet must have exactly
 * its last due time scheduled.
 */
class SagaCostBenchmark {
    private static final AtomicLong SLOT = new AtomicLong(1000);

    @Test
    @EnabledIfSystemProperty(named = "saga.bench.dir", matches = ".+")
    void measure() throws Exception {
        Path dir = Path.of(System.getProperty("saga.bench.dir"));
        Files.createDirectories(dir);
        int wallets = Integer.getInteger("saga.bench.wallets", 2_000);
        int events = Integer.getInteger("saga.bench.events", 10_000);
        int rate = Integer.getInteger("saga.bench.rate", 500);
        Random random = new Random(42);
        Wallet[] ws = new Wallet[wallets];
        for (int i = 0; i < wallets; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            ws[i] = Wallet.ofBytes(key);
        }
        TestPostgres.Database db = TestPostgres.freshDatabase("saga_bench");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", db.jdbcUrl());
        props.put("spring.datasource.username", db.user());
        props.put("spring.datasource.password", db.password());
        props.put("spring.data.redis.url", TestRedis.url());
        props.put("solana-mafia.ingest.enabled", "false");
        props.put("solana-mafia.data-dir", Files.createTempDirectory("saga-bench").toString());
        // e.g. -Dsaga.bench.props=axon.eventhandling.processors.earnings-schedule.initial-segment-count=1,...
        for (String kv : System.getProperty("saga.bench.props", "").split(",")) {
            if (kv.contains("=")) {
                props.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SolanaMafia.class).run(args)) {
            EventGateway gateway = app.getBean(EventGateway.class);
            EventStore store = app.getBean(EventStore.class);
            StreamingEventProcessor saga = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(EarningsScheduleSaga.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
            Map<Wallet, Long> lastNext = new HashMap<>();
            long base = Instant.now().getEpochSecond() + 86_400;

            // every wallet gets its saga and deadline; then a second round warms up the update path
            for (int round = 0; round < 2; round++) {
                List<Object> batch = new ArrayList<>();
                for (Wallet w : ws) {
                    long next = base + round;
                    batch.add(accrued(w, next));
                    lastNext.put(w, next);
                    if (batch.size() == 500) {
                        gateway.publish(batch);
                        batch = new ArrayList<>();
                    }
                }
                gateway.publish(batch);
                awaitCaughtUp(saga, store);
            }

            String dbName = db.name();
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.execute("SELECT pg_stat_statements_reset()");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpuBefore = sagaThreadCpu(threads);
            long processBefore = processCpu();
            String uptimeBefore = Files.readString(Path.of("/proc/loadavg")).trim();

            jdk.jfr.Recording jfr = null;
            if (Boolean.getBoolean("saga.bench.jfr")) {
                jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                jfr.start();
            }
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            long k = 1;
            long next = base + 10;
            while (k <= events) {
                long due = Math.min(events, (System.nanoTime() - start) / interval + 1);
                if (due < k) {
                    LockSupport.parkNanos(10_000_000L);
                    continue;
                }
                List<Object> batch = new ArrayList<>();
                for (; k <= due; k++) {
                    Wallet w = ws[random.nextInt(ws.length)];
                    next++;   // every accrual moves its wallet's due time
                    batch.add(accrued(w, next));
                    lastNext.put(w, next);
                }
                gateway.publish(batch);
                LockSupport.parkNanos(10_000_000L);
            }
            double published = (System.nanoTime() - start) / 1e9;
            awaitCaughtUp(saga, store);
            double drained = (System.nanoTime() - start) / 1e9;
            Map<Long, Long> cpuAfter = sagaThreadCpu(threads);
            if (jfr != null) {
                jfr.stop();
                jfr.dump(dir.resolve("measured.jfr"));
            }
            long processAfter = processCpu();
            String uptimeAfter = Files.readString(Path.of("/proc/loadavg")).trim();

            long sagaCpu = 0;
            for (var e : cpuAfter.entrySet()) {
                sagaCpu += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            }
            StringBuilder out = new StringBuilder();
            out.append("props=").append(System.getProperty("saga.bench.props", "")).append('\n');
            out.append("wallets=").append(wallets).append(" events=").append(events).append(" rate=").append(rate).append('\n');
            out.append(String.format("published in %.1f s, saga caught up after %.1f s%n", published, drained));
            out.append(String.format("saga threads cpu: %.1f s = %.3f ms/accrual; whole JVM %.1f s = %.3f ms/accrual%n",
                    sagaCpu / 1e9, sagaCpu / 1e6 / events, (processAfter - processBefore) / 1e9,
                    (processAfter - processBefore) / 1e6 / events));
            out.append("loadavg before: ").append(uptimeBefore).append(" after: ").append(uptimeAfter).append('\n');
            out.append("statements (calls/accrual, total ms, query) in this database:\n");
            Map<String, double[]> byCategory = new LinkedHashMap<>();
            jdbc.query("""
                    SELECT s.calls, s.total_exec_time, s.query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                    WHERE d.datname = ? ORDER BY s.calls DESC""", rs -> {
                long calls = rs.getLong(1);
                double ms = rs.getDouble(2);
                String q = rs.getString(3).replaceAll("\\s+", " ");
                String cat = category(q);
                byCategory.computeIfAbsent(cat, c -> new double[2]);
                byCategory.get(cat)[0] += calls;
                byCategory.get(cat)[1] += ms;
                if (calls >= events / 20) {
                    out.append(String.format("  %8.3f %9.1f %s%n", (double) calls / events, ms,
                            q.length() > 160 ? q.substring(0, 160) : q));
                }
            }, dbName);
            out.append("by table (calls/accrual, total ms):\n");
            byCategory.forEach((c, v) -> out.append(String.format("  %-24s %8.3f %9.1f%n", c, v[0] / events, v[1])));

            // correctness: one live DUE deadline per wallet, at its last due time (+ grace)
            Integer deadlines = jdbc.queryForObject("SELECT count(*) FROM earnings.scheduled_tasks WHERE task_name = 'AxonDeadline'",
                    Integer.class);
            List<Instant> fireTimes = jdbc.queryForList("SELECT execution_time FROM earnings.scheduled_tasks "
                    + "WHERE task_name = 'AxonDeadline' ORDER BY execution_time", java.sql.Timestamp.class)
                    .stream().map(java.sql.Timestamp::toInstant).toList();
            List<Instant> expected = lastNext.values().stream().sorted().map(s -> Instant.ofEpochSecond(s).plusSeconds(2)).toList();
            long scheduleRows = jdbc.query("SELECT wallet, due_at FROM earnings.schedule", (rs, n) ->
                    Instant.ofEpochSecond(lastNext.getOrDefault(Wallet.of(rs.getString(1)), -1L))
                            .equals(rs.getTimestamp(2).toInstant())).stream().filter(b -> b).count();
            out.append("deadlines=").append(deadlines).append(" (wallets ").append(wallets).append("), fire times match: ")
                    .append(fireTimes.equals(expected)).append(", schedule rows at the last due time=").append(scheduleRows).append('\n');
            Files.writeString(dir.resolve("result.txt"), out.toString());
            System.out.println("SAGA BENCH\n" + out);
            assertThat(deadlines).isEqualTo(wallets);
            assertThat(fireTimes).isEqualTo(expected);
            assertThat(scheduleRows).isEqualTo(wallets);
        }
    }

    static String category(String q) {
        String l = q.toLowerCase();
        for (String t : new String[]{"saga_entry", "association_value_entry", "scheduled_tasks", "earnings.schedule",
                "update_request", "update_attempt", "token_entry", "domain_event_entry", "dead_letter"}) {
            if (l.contains(t)) {
                return t;
            }
        }
        return l.startsWith("select") ? "other select" : l.split(" ")[0];
    }

    static EarningsAccrued accrued(Wallet w, long next) {
        ChainFact fact = new ChainFact(new ChainPosition("sig" + UUID.randomUUID().toString().replace("-", ""), "0", 0),
                SLOT.incrementAndGet(), Instant.now());
        return new EarningsAccrued(w, fact, Lamports.of(1), Lamports.of(1), UnixTime.ofSeconds(next), 1);
    }

    static void awaitCaughtUp(StreamingEventProcessor saga, EventStore store) {
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long head = store.createHeadToken().position().orElse(-1);
            Map<Integer, EventTrackerStatus> status = saga.processingStatus();
            return !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-2) >= head);
        });
    }

    static Map<Long, Long> sagaThreadCpu(ThreadMXBean threads) {
        Map<Long, Long> out = new HashMap<>();
        for (var info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().contains(EarningsScheduleSaga.PROCESSING_GROUP)) {
                out.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return out;
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
