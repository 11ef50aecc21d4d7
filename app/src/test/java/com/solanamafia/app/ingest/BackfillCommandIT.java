package com.solanamafia.app.ingest;

import com.solanamafia.app.PackagedJar;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar solana-mafia.jar backfill}: records the whole history, shows progress, and exits; then
 * {@code replay all} on that database rebuilds the read models without any processor of its own handling an event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackfillCommandIT {
    @RegisterExtension
    static final IngestedChain ingested = new IngestedChain(2500);
    private static final String BEFORE_ALL = "{\"index\":0,\"gaps\":[]}";
    private static TestPostgres.Database backfilled;

    @Test
    @Order(1)
    void theBackfillCommandRecordsTheHistoryWithAProgressBarAndExits() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("backfill_cli");
        Run run = run(db, "backfill");
        assertThat(run.exitCode).as(run.output).isZero();
        int expected = ingested.expected().size();
        assertThat(run.output).contains("[##############################] 100%").contains("Backfill done")
                .contains(expected + " events recorded");
        try (HikariDataSource ds = db.dataSource()) {
            assertThat(ExpectedChainEvents.fromEventStore(new JdbcTemplate(ds))).containsExactlyElementsOf(
                    ingested.expected());
        }
        backfilled = db;
    }

    /** Processors of the CLI used to start (Axon starts them) and run until the CLI stopped them: the saga too. */
    @Test
    @Order(2)
    void theReplayCommandRebuildsEveryReadModelAndHandlesNoEventInAnyProcessor() throws Exception {
        TestPostgres.Database db = backfilled;
        if (db == null) {
            db = TestPostgres.freshDatabase("replay_cli");
            assertThat(run(db, "backfill").exitCode).isZero();
        }
        long players;
        long events;
        try (HikariDataSource ds = db.dataSource()) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            players = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry"
                    + " WHERE payload_type = 'com.solanamafia.api.player.PlayerJoined'", Long.class);
            // every processor back before the first event, the earnings saga's included (a new saga token would
            // start at the head); the old CLI's saga then handled thousands of events and started sagas
            assertThat(jdbc.update("UPDATE event_store.token_entry SET token = convert_to(?, 'UTF8'), token_type = ?,"
                    + " owner = NULL", BEFORE_ALL, GapAwareTrackingToken.class.getName())).isPositive();
            jdbc.update("DELETE FROM event_store.association_value_entry");
            jdbc.update("DELETE FROM event_store.saga_entry");
            events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        }
        assertThat(players).isPositive();

        Run run = run(db, "replay", "all");

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("Replay done").contains("0 failed events");
        try (HikariDataSource ds = db.dataSource()) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.player", Long.class)).isEqualTo(players);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.saga_entry", Long.class))
                    .as("sagas started by the replay process").isZero();
            // the read models' processors get the replay's position at the switch; the saga's stays where it was
            assertThat(jdbc.queryForObject("SELECT convert_from(token, 'UTF8') FROM event_store.token_entry"
                    + " WHERE processor_name = 'earnings-schedule'", String.class))
                    .as("the earnings saga's position after the replay process").isEqualTo(BEFORE_ALL);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class))
                    .as("events in the store").isEqualTo(events);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(TestPostgres.Database db, String... args) throws Exception {
        List<String> command = new ArrayList<>(PackagedJar.command("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ingested.workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(AppProcess.environment(db, TestRedis.url(), ingested.chain.rpcUrl(),
                ingested.chain.wsUrl(), ingested.workDir));
        builder.environment().put("SOLANA_MAFIA_EARNINGS_ENABLED", "false");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Run(process.waitFor(), output);
    }
}
