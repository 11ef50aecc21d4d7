package com.solanamafia.app.ingest;

import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A simulated chain with a generated game, and the packaged app ingesting it into a test database. Registered
 * with {@code @RegisterExtension} on a static field: the chain lives for the test class.
 */
final class IngestedChain implements BeforeAllCallback, AfterAllCallback {
    private static final Logger log = LoggerFactory.getLogger(IngestedChain.class);
    static final String LEASE_ACQUIRED = "Ingest lease acquired";
    /** A start takes ~6 s here; a CI machine shared with other jobs can be ten times slower. */
    static final Duration STARTUP = Duration.ofMinutes(3);
    /**
     * Small ingest rounds, so that kills land mid-backfill; and an ingest-only node (no read models, push or earnings:
     * what these tests check is the event store), so that each of the many restarts costs less.
     */
    private static final Map<String, String> INGEST_ONLY_SMALL_BATCHES = Map.of(
            "SOLANA_MAFIA_INGEST_WINDOW_SIZE", "40", "SOLANA_MAFIA_INGEST_POLL_INTERVAL", "500ms",
            "SOLANA_MAFIA_EARNINGS_ENABLED", "false", "SOLANA_MAFIA_PUSH_ENABLED", "false",
            "SOLANA_MAFIA_REPLAY_RUN_PROCESSORS", "false");

    private final int history;
    ChainSimulator chain;
    IdlRegistry registry;
    Path workDir;

    /** A chain whose history holds {@code history} generated game transactions before the tests start. */
    IngestedChain(int history) {
        this.history = history;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chain = ChainSimulator.start(SimConfig.builder().host("127.0.0.1").httpPort(0).wsPort(-1)
                .seed(2026).players(60).build());
        chain.generateGameTransactions(history);
        try (var in = IngestedChain.class.getClassLoader().getResourceAsStream("idl/idl-full.json")) {
            registry = IdlRegistry.of(IdlLoader.load(in));
        }
        workDir = Files.createTempDirectory("solana-mafia-crash");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        chain.close();
    }

    AppProcess start(TestPostgres.Database db) throws IOException {
        return AppProcess.start(db, TestRedis.url(), chain.rpcUrl(), chain.wsUrl(), workDir, INGEST_ONLY_SMALL_BATCHES);
    }

    /**
     * Starts the app {@code runs} times on the database, killing each with SIGKILL a random moment (up to
     * {@code maxDelayMs}) after it took the ingest lease, while {@code liveTransactions} new transactions per run
     * reach the chain; returns how many kills hit a running ingester.
     */
    int killRepeatedly(TestPostgres.Database db, int runs, Random random, int maxDelayMs, int liveTransactions) throws Exception {
        int killsDuringIngest = 0;
        for (int run = 0; run < runs; run++) {
            AppProcess app = start(db);
            try {
                if (app.awaitLog(LEASE_ACQUIRED, STARTUP)) {
                    killsDuringIngest++;
                }
                chain.generateGameTransactions(liveTransactions);
                Thread.sleep(random.nextInt(maxDelayMs));
            } finally {
                app.killHard();
            }
            log.info("run {}: killed", run);
        }
        return killsDuringIngest;
    }

    /** A run that is not killed: the event store ends up with exactly the chain's events, whatever runs crashed before. */
    void assertAnUninterruptedRunConverges(TestPostgres.Database db) throws Exception {
        AppProcess last = start(db);
        try {
            assertThat(last.awaitLog("Started SolanaMafia", STARTUP)).as("the app started (and migrated the schema)").isTrue();
            assertConverged(db);
        } finally {
            last.stop();
        }
    }

    List<String> expected() {
        return ExpectedChainEvents.fromLedger(chain, registry);
    }

    /** The event store ends up with exactly the chain's events, each once, with no sequence gaps. */
    void assertConverged(TestPostgres.Database db) {
        List<String> expected = expected();
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
