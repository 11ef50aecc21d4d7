package com.solanamafia.app.ingest;

import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A simulated chain with a generated game, and the packaged app ingesting it into a test database. */
final class IngestedChain implements AutoCloseable {
    static final String LEASE_ACQUIRED = "Ingest lease acquired";
    /** A start takes ~6 s here; a CI machine shared with other jobs can be ten times slower. */
    static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Map<String, String> SMALL_BATCHES = Map.of(
            "SOLANA_MAFIA_INGEST_WINDOWSIZE", "40", "SOLANA_MAFIA_INGEST_POLLINTERVAL", "500ms",
            "SOLANA_MAFIA_EARNINGS_ENABLED", "false");

    final ChainSimulator chain;
    final IdlRegistry registry;
    final Path workDir;

    private IngestedChain(ChainSimulator chain, IdlRegistry registry, Path workDir) {
        this.chain = chain;
        this.registry = registry;
        this.workDir = workDir;
    }

    static IngestedChain generate(int transactions) throws IOException {
        ChainSimulator chain = ChainSimulator.start(SimConfig.builder().host("127.0.0.1").httpPort(0).wsPort(-1)
                .seed(2026).players(60).build());
        chain.generateGameTransactions(transactions);
        try (var in = IngestedChain.class.getClassLoader().getResourceAsStream("idl/idl-full.json")) {
            return new IngestedChain(chain, IdlRegistry.of(IdlLoader.load(in)), Files.createTempDirectory("solana-mafia-crash"));
        }
    }

    AppProcess start(TestPostgres.Database db) throws IOException {
        return AppProcess.start(db, TestRedis.url(), chain.rpcUrl(), chain.wsUrl(), workDir, SMALL_BATCHES);
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

    @Override
    public void close() {
        chain.close();
    }
}
