package com.solanamafia.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.app.AdminTestToken;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Backfill of a generated game, then live traffic: exactly one domain event per program event, in chain order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestEndToEndTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestPostgres.freshDatabase("ingest_e2e").register(registry);
        TestRedis.register(registry);
        AdminTestToken.register(registry);
        registry.add("solana-mafia.simulator.tps", () -> "0");
        registry.add("solana-mafia.earnings.enabled", () -> "false"); // keep the ledger to what the test appends
        registry.add("solana-mafia.simulator.history", () -> "400");
        registry.add("solana-mafia.simulator.players", () -> "30");
        registry.add("solana-mafia.ingest.window-size", () -> "64");
        registry.add("solana-mafia.ingest.page-size", () -> "100");
        registry.add("solana-mafia.ingest.poll-interval", () -> "500ms");
    }

    @Autowired
    ChainSimulator chain;
    @Autowired
    IdlRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void backfillRecordsEveryProgramEventOnceInChainOrder() {
        List<String> expected = ExpectedChainEvents.fromLedger(chain, registry);
        assertThat(expected).hasSizeGreaterThan(400);
        await().atMost(Duration.ofSeconds(60)).until(() -> ExpectedChainEvents.fromEventStore(jdbc).size() >= expected.size());
        assertThat(ExpectedChainEvents.fromEventStore(jdbc)).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingest.event_position", Integer.class)).isEqualTo(expected.size());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ingest.quarantine", Integer.class)).isZero();
    }

    @Test
    @Order(5)
    void everyTransferReachesTheNftAndBothPlayersWithoutADiscrepancy() {
        java.util.function.Function<String, Integer> count = type -> jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = ?", Integer.class, type);
        int transfers = count.apply("com.solanamafia.api.nft.NftTransferred");
        assertThat(transfers).isPositive();
        assertThat(count.apply("com.solanamafia.api.transfer.BusinessHandedOver")).isEqualTo(transfers);
        assertThat(count.apply("com.solanamafia.api.transfer.BusinessTakenOver")).isEqualTo(transfers);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = ? "
                + "AND convert_from(payload, 'UTF8') LIKE '%\"rule\":\"transfer-%'", Integer.class,
                ExpectedChainEvents.DISCREPANCY)).isZero();
    }

    @Test
    @Order(2)
    void liveTrafficWithDroppedSocketsDuplicatesAndLateNotificationsStaysExact() {
        chain.setFaults(com.solanamafia.sim.fault.FaultConfig.parse("duplicateNotify=0.5,lateNotifyMs=300"));
        double fromNotifications = meters.counter("ingest.transactions.notified").count();
        for (int round = 0; round < 5; round++) {
            chain.generateGameTransactions(40);
            if (round == 2) {
                chain.dropWebSockets();
            }
        }
        List<String> expected = ExpectedChainEvents.fromLedger(chain, registry);
        await().atMost(Duration.ofSeconds(60)).until(() -> ExpectedChainEvents.fromEventStore(jdbc).size() >= expected.size());
        assertThat(ExpectedChainEvents.fromEventStore(jdbc)).containsExactlyElementsOf(expected);
        // the logs of notified transactions came with their notifications: those were not fetched again
        assertThat(meters.counter("ingest.transactions.notified").count()).isGreaterThan(fromNotifications);
        assertThat(meters.timer("ingest.live.latency").count()).isPositive();
    }

    @Test
    @Order(3)
    void everyRpcFaultKnobDelaysButChangesNothing() {
        chain.setFaults(com.solanamafia.sim.fault.FaultConfig.parse(
                "rate429=0.05,retryAfter=1,http5xx=0.05,malformed=0.05,latencyMs=5,wsDropEverySec=2,duplicateNotify=0.3,lateNotifyMs=200"));
        for (int round = 0; round < 4; round++) {
            chain.generateGameTransactions(50);
        }
        List<String> expected = ExpectedChainEvents.fromLedger(chain, registry);
        await().atMost(Duration.ofSeconds(90)).until(() -> ExpectedChainEvents.fromEventStore(jdbc).size() >= expected.size());
        assertThat(ExpectedChainEvents.fromEventStore(jdbc)).containsExactlyElementsOf(expected);
        chain.setFaults(com.solanamafia.sim.fault.FaultConfig.NONE);
    }

    @Test
    @Order(4)
    void statusReportsProgressAndTheCheckpoint() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/admin/ingest/status"))
                .header("Authorization", AdminTestToken.header()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = new ObjectMapper().readTree(response.body());
        assertThat(status.path("progress").path("phase").asText()).isEqualTo("LIVE");
        assertThat(status.path("progress").path("eventsApplied").asLong()).isEqualTo(ExpectedChainEvents.fromLedger(chain, registry).size());
        assertThat(status.path("checkpoint").path("lastSignature").asText())
                .isEqualTo(chain.ledger().all().get(chain.ledger().all().size() - 1).signature());
    }

    /**
     * As after a PostgreSQL crash that lost the last windows committed without waiting for the disk: their events,
     * positions and rows are gone and the checkpoint is back before them, while the writer still remembers the later
     * position and holds the aggregates as they were. Its next window must notice, and the writer start over from
     * the store: the lost transactions come back, once, and every aggregate's events stay numbered without a gap.
     */
    @Test
    @Order(6)
    void aDatabaseThatLostItsLastWindowsIsCaughtUpFromItsCheckpoint() {
        List<String> before = ExpectedChainEvents.fromLedger(chain, registry);
        await().atMost(Duration.ofSeconds(60)).until(() -> ExpectedChainEvents.fromEventStore(jdbc).size() >= before.size());
        var ledger = chain.ledger().all();
        var kept = ledger.get(ledger.size() - 11);
        String[] lost = ledger.subList(ledger.size() - 10, ledger.size()).stream().map(tx -> tx.signature()).toArray(String[]::new);
        String[] mentioning = java.util.Arrays.stream(lost).map(sig -> "%" + sig + "%").toArray(String[]::new);
        String[] aggregates = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM event_store.domain_event_entry "
                + "WHERE convert_from(payload, 'UTF8') LIKE ANY(?)", String.class, (Object) mentioning).toArray(String[]::new);
        assertThat(aggregates).isNotEmpty();
        jdbc.update("DELETE FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ANY(?)", (Object) aggregates);
        jdbc.update("DELETE FROM event_store.domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ANY(?)", (Object) mentioning);
        jdbc.update("DELETE FROM ingest.event_position WHERE signature = ANY(?)", (Object) lost);
        jdbc.update("DELETE FROM ingest.applied_transaction WHERE signature = ANY(?)", (Object) lost);
        jdbc.update("UPDATE ingest.checkpoint SET last_signature = ?, last_slot = ?", kept.signature(), kept.slot());

        chain.generateGameTransactions(5);

        List<String> expected = ExpectedChainEvents.fromLedger(chain, registry);
        await().atMost(Duration.ofSeconds(60)).until(() -> ExpectedChainEvents.fromEventStore(jdbc).size() >= expected.size());
        assertThat(ExpectedChainEvents.fromEventStore(jdbc)).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForList("SELECT aggregate_identifier FROM event_store.domain_event_entry GROUP BY 1 "
                + "HAVING max(sequence_number) + 1 <> count(*)", String.class)).as("aggregates with a gap in their events").isEmpty();
        assertThat(jdbc.queryForObject("SELECT last_signature FROM ingest.checkpoint", String.class))
                .isEqualTo(chain.ledger().all().get(chain.ledger().all().size() - 1).signature());
    }
}
