package com.solanamafia.app.push;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.query.push.session.SessionRegistry;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;

/**
 * The server half of the WebSocket push benchmark (benchmarks/push/run.sh): one app instance, then events for
 * random players at a fixed rate once the load client says its connections are ready. Not a test: it only
 * runs when {@code -Dpush.bench.dir} is given. Coordinates with {@code com.solanamafia.bench.push.PushLoadClient}
 * through files in that directory.
 */
class PushBenchmarkServer {

    /** Wallet i of the benchmark: an ed25519 key from a seeded SHA1PRNG (the load client derives the same). */
    static Wallet wallet(int i) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(("push-bench-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, random);
        byte[] x509 = generator.generateKeyPair().getPublic().getEncoded();
        return Wallet.ofBytes(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            LockSupport.parkNanos(200_000_000L);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    @EnabledIfSystemProperty(named = "push.bench.dir", matches = ".+")
    void serve() throws Exception {
        Path dir = Path.of(System.getProperty("push.bench.dir"));
        int connections = Integer.getInteger("push.bench.connections", 10_000);
        int rate = Integer.getInteger("push.bench.rate", 500);
        int seconds = Integer.getInteger("push.bench.seconds", 60);
        String redis = System.getProperty("push.bench.redis", "");
        // simulator: events go out as program logs of the app's chain simulator and come in through live ingestion
        // (logsSubscribe, the command side, the event store), as on a cluster; store: published into the event store
        boolean fromChain = "simulator".equals(System.getProperty("push.bench.source", "store"));
        Wallet[] wallets = new Wallet[connections];
        for (int i = 0; i < connections; i++) {
            wallets[i] = wallet(i);
        }
        try (PushApp app = PushApp.start(TestPostgres.freshDatabase("push_bench"), redis.isBlank() ? TestRedis.url() : redis,
                fromChain ? Map.of("server.tomcat.max-connections", 30_000, "server.tomcat.accept-count", 2000,
                        "logging.level.com.solanamafia.query.push", "INFO", "solana-mafia.ingest.enabled", true,
                        "solana-mafia.simulator.tps", 0, "solana-mafia.earnings.enabled", false)
                        : Map.of("server.tomcat.max-connections", 30_000, "server.tomcat.accept-count", 2000,
                        "logging.level.com.solanamafia.query.push", "INFO"))) {
            app.awaitPushProcessor();
            SessionRegistry registry = app.context.getBean(SessionRegistry.class);
            long heapIdle = usedHeapAfterGc();
            Files.writeString(dir.resolve("port"), Integer.toString(app.port()));

            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(dir.resolve("connected")));
            long heapConnected = usedHeapAfterGc();
            int sessions = registry.size();

            // event k is due at (k - 1) / rate after the start; every tick publishes all events due by then in one
            // event-store transaction, as the ingester commits a window of chain events (a slow commit on a loaded
            // machine makes the next batch bigger, never lowers the offered rate)
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            long tick = Duration.ofMillis(Long.getLong("push.bench.tickMs", 10)).toNanos();
            // EarningsAccrued (default) also drives the earnings saga (a deadline per event); EarningsClaimed does not
            boolean claims = "claimed".equals(System.getProperty("push.bench.event", "accrued"));
            ChainEvents chain = fromChain ? new ChainEvents(app.context.getBean(ChainSimulator.class), total) : null;
            if (chain != null) {
                chain.awaitIngesting();
            }
            long k = 1;
            while (k <= total) {
                long due = Math.min(total, (System.nanoTime() - start) / interval + 1);
                if (due < k) {
                    LockSupport.parkNanos(Math.min(tick, start + (k - 1) * interval - System.nanoTime()));
                    continue;
                }
                if (chain != null) {
                    // one update_earnings transaction for the events due, as a batched earnings update logs them
                    for (; k <= due; k++) {
                        chain.accrue(k, wallets[ThreadLocalRandom.current().nextInt(wallets.length)]);
                    }
                    chain.append();
                    LockSupport.parkNanos(tick);
                    continue;
                }
                java.util.List<Object> batch = new java.util.ArrayList<>();
                for (; k <= due; k++) {
                    Wallet w = wallets[ThreadLocalRandom.current().nextInt(wallets.length)];
                    batch.add(claims
                            ? new EarningsClaimed(w, PushApp.fact(), Lamports.of(k), UnixTime.ofSeconds(Instant.now().getEpochSecond()))
                            : new EarningsAccrued(w, PushApp.fact(), Lamports.of(k), Lamports.of(k),
                                    UnixTime.ofSeconds(Instant.now().getEpochSecond() + 86_400), 1));
                }
                app.events().publish(batch);
                LockSupport.parkNanos(tick);
            }
            double took = (System.nanoTime() - start) / 1e9;
            if (chain != null) {
                chain.writeNotifiedAt(dir.resolve("notified"));
            }
            Files.writeString(dir.resolve("produced"), total + " " + took);

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Files.exists(dir.resolve("done")));
            MeterRegistry meters = app.context.getBean(MeterRegistry.class);
            StringBuilder report = new StringBuilder();
            report.append("sessions=").append(sessions).append('\n');
            report.append("heap_idle_bytes=").append(heapIdle).append('\n');
            report.append("heap_connected_bytes=").append(heapConnected).append('\n');
            report.append("heap_per_connection_bytes=").append(sessions == 0 ? 0 : (heapConnected - heapIdle) / sessions).append('\n');
            report.append("events_produced=").append(total).append(" in ").append(String.format("%.1f", took)).append(" s\n");
            for (String name : new String[]{"websocket.messages.published", "websocket.messages.delivered",
                    "websocket.sessions.closed.slow", "websocket.resyncs", "websocket.events.duplicate"}) {
                var counter = meters.find(name).counter();
                report.append(name).append('=').append(counter == null ? 0 : (long) counter.count()).append('\n');
            }
            report.append("max_heap_bytes=").append(Runtime.getRuntime().maxMemory()).append('\n');
            Files.writeString(dir.resolve("server.txt"), report.toString());
            System.out.println("PUSH BENCH SERVER\n" + report);
        }
    }
}
