package com.solanamafia.app.ingest;

import com.solanamafia.app.PackagedJar;
import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash safety with the real jar: SIGKILL at random points during backfill and during live ingest, 20 times,
 * then one clean run; the event store must hold exactly what an uninterrupted run holds. Then two instances:
 * only the lease holder ingests, and when it dies the standby takes over with nothing lost.
 */
class CrashRestartIT {
    private static final Logger log = LoggerFactory.getLogger(CrashRestartIT.class);
    private static final String LEASE_ACQUIRED = "Ingest lease acquired";
    private static final Map<String, String> SMALL_BATCHES = Map.of(
            "SOLANA_MAFIA_INGEST_WINDOWSIZE", "40", "SOLANA_MAFIA_INGEST_POLLINTERVAL", "500ms",
            "SOLANA_MAFIA_EARNINGS_ENABLED", "false");

    static ChainSimulator chain;
    static IdlRegistry registry;
    static Path workDir;

    @BeforeAll
    static void startChain() throws Exception {
        chain = ChainSimulator.start(SimConfig.builder().host("127.0.0.1").httpPort(0).wsPort(-1).seed(2026).players(60).build());
        chain.generateGameTransactions(2500);
        try (var in = CrashRestartIT.class.getClassLoader().getResourceAsStream("idl/idl-full.json")) {
            registry = IdlRegistry.of(IdlLoader.load(in));
        }
        workDir = Files.createTempDirectory("solana-mafia-crash");
    }

    @AfterAll
    static void stopChain() {
        chain.close();
    }

    @Test
    void twentyHardKillsConvergeToTheUninterruptedResult() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("crash");
        Random random = new Random(7);
        int killsDuringIngest = 0;
        for (int run = 0; run < 20; run++) {
            boolean live = run >= 10;
            AppProcess app = start(db);
            if (app.awaitLog(LEASE_ACQUIRED, Duration.ofSeconds(90))) {
                killsDuringIngest++;
            }
            if (live) {
                chain.generateGameTransactions(60);
            }
            Thread.sleep(random.nextInt(live ? 800 : 1500));
            app.killHard();
            log.info("run {}: killed ({} live)", run, live ? "during" : "before");
        }
        assertThat(killsDuringIngest).as("kills that hit a running ingester").isGreaterThanOrEqualTo(15);

        AppProcess last = start(db);
        try {
            assertConverged(db);
        } finally {
            last.stop();
        }
    }

    @Test
    void theStandbyTakesOverWhenTheLeaseHolderDies() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("failover");
        AppProcess first = start(db);
        assertThat(first.awaitLog(LEASE_ACQUIRED, Duration.ofSeconds(90))).isTrue();
        AppProcess second = start(db);
        try {
            assertThat(second.awaitLog("Started SolanaMafia", Duration.ofSeconds(90))).isTrue();
            assertThat(second.logText()).doesNotContain(LEASE_ACQUIRED);
            chain.generateGameTransactions(100);
            first.killHard();
            long killedAt = System.nanoTime();
            assertThat(second.awaitLog(LEASE_ACQUIRED, Duration.ofSeconds(30))).isTrue();
            log.info("standby took over {} ms after the kill", (System.nanoTime() - killedAt) / 1_000_000);
            chain.generateGameTransactions(100);
            assertConverged(db);
        } finally {
            second.stop();
        }
    }

    @Test
    void theBackfillCommandRecordsTheHistoryWithAProgressBarAndExits() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("backfill_cli");
        List<String> command = new ArrayList<>(PackagedJar.command("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.add("backfill");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DATABASE_URL", db.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", db.user(),
                "SPRING_DATASOURCE_PASSWORD", db.password(), "REDIS_URL", TestRedis.url(), "SOLANA_RPC_URL", chain.rpcUrl(),
                "SOLANA_WS_URL", chain.wsUrl(), "SOLANA_MAFIA_DATA_DIR", workDir.resolve("data").toString(),
                "SOLANA_MAFIA_EARNINGS_ENABLED", "false"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        int expected = ExpectedChainEvents.fromLedger(chain, registry).size();
        assertThat(output).contains("[##############################] 100%").contains("Backfill done").contains(expected + " events recorded");
        try (HikariDataSource ds = db.dataSource()) {
            assertThat(ExpectedChainEvents.fromEventStore(new JdbcTemplate(ds))).containsExactlyElementsOf(
                    ExpectedChainEvents.fromLedger(chain, registry));
        }
    }

    private static AppProcess start(TestPostgres.Database db) throws Exception {
        return AppProcess.start(db, TestRedis.url(), chain.rpcUrl(), chain.wsUrl(), workDir, SMALL_BATCHES);
    }

    private static void assertConverged(TestPostgres.Database db) {
        List<String> expected = ExpectedChainEvents.fromLedger(chain, registry);
        try (HikariDataSource ds = db.dataSource()) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ExpectedChainEvents.fromEventStore(jdbc).size() >= expected.size());
            assertThat(ExpectedChainEvents.fromEventStore(jdbc)).containsExactlyElementsOf(expected);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ingest.event_position", Integer.class)).isEqualTo(expected.size());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT aggregate_identifier FROM event_store.domain_event_entry "
                    + "GROUP BY aggregate_identifier HAVING max(sequence_number) + 1 <> count(*)) gaps", Integer.class)).isZero();
        }
    }
}
