package com.solanamafia.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.projections.replay.ProcessorControl;
import com.solanamafia.projections.replay.ReplayJob;
import com.solanamafia.projections.replay.ReplayJobs;
import com.solanamafia.projections.replay.ReplayNodeAgent;
import com.solanamafia.projections.replay.ReplayRunner;
import com.solanamafia.projections.replay.ReplayableProjections;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Blue/green replay on a database holding a generated game (the simulator's history, ingested): every read model
 * rebuilt by a replay equals the live-built one row for row, the API answers throughout, another instance is waited
 * for, and nothing outside the read models can be replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayTest {
    static final String TOKEN = "replay-test-admin-token";
    static final Wallet POISONED = wallet(77);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestPostgres.freshDatabase("replay").register(registry);
        TestRedis.register(registry);
        registry.add("solana-mafia.simulator.tps", () -> "0");
        registry.add("solana-mafia.simulator.history", () -> "500");
        registry.add("solana-mafia.simulator.players", () -> "40");
        registry.add("solana-mafia.earnings.enabled", () -> "false");
        registry.add("solana-mafia.ingest.poll-interval", () -> "500ms");
        registry.add("solana-mafia.replay.batch-size", () -> "100");
        registry.add("solana-mafia.replay.catch-up-threshold", () -> "50");
        registry.add("solana-mafia.replay.ack-timeout", () -> "5s");
        registry.add("solana-mafia.replay.poll-interval", () -> "200ms");
        // One segment per read model: the replay applies events in event-store order, and so does a one-segment
        // processor. With two segments, an event about two wallets (an NFT transfer) can reach the receiving wallet's
        // row before that wallet's own earlier events, whose position guard then skips them (see the report).
        for (String name : ReplayableProjections.names()) {
            registry.add("axon.eventhandling.processors." + name + ".initial-segment-count", () -> "1");
        }
        registry.add("solana-mafia.api.rate-limit.enabled", () -> "false");   // the test's reader is a busy client
        registry.add("solana-mafia.admin.tokens[0].name", () -> "replay-test");
        registry.add("solana-mafia.admin.tokens[0].sha256", () -> sha256(TOKEN));
        registry.add("solana-mafia.admin.tokens[0].roles", () -> "admin:read,admin:write");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionPositions positions;
    @Autowired
    EventGateway events;
    @Autowired
    ReplayJobs jobs;
    @Autowired
    ReplayRunner runner;
    @Autowired
    AxonProcessors processors;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    static Wallet wallet(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = 9;
        return Wallet.ofBytes(key);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void generatedGameIsIngestedAndProjected() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long before = eventCount();
            Thread.sleep(1500);
            return before > 500 && eventCount() == before;
        });
        // a poison event: the discrepancies read model cannot store its rule (too long) -> dead letter
        events.publish(new ChainDiscrepancyDetected(POISONED, new ChainFact(new ChainPosition("poison", "0", 0), 1,
                Instant.parse("2026-05-01T00:00:00Z")), "x".repeat(300), "poison"));
        // and a healthy one after it, so every read model (discrepancies too) moves past the poison's position
        events.publish(new ChainDiscrepancyDetected(wallet(78), new ChainFact(new ChainPosition("healthy", "0", 0), 1,
                Instant.parse("2026-05-01T00:00:01Z")), "unknown-slot", "after the poison"));
        awaitProjectionsAtHead();
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }

    void awaitProjectionsAtHead() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String name : ReplayableProjections.names()) {
                assertThat(positions.positionOf(name)).as(name).isGreaterThanOrEqualTo(head);
            }
        });
    }

    /** Every row of every read-model table (without updated_at, which says when a row was written), sorted. */
    Map<String, List<String>> readModels() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String name : ReplayableProjections.names()) {
            for (String table : ReplayableProjections.require(name).tables()) {
                List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'read_model' AND table_name = ? AND column_name <> 'updated_at' "
                        + "ORDER BY ordinal_position", String.class, table);
                String list = String.join(", ", columns);
                List<String> rows = jdbc.queryForList("SELECT (" + (columns.size() == 1 ? list + ")::text"
                        : "ROW(" + list + "))::text") + " FROM read_model." + table + " ORDER BY 1", String.class);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    static void assertSameRows(Map<String, List<String>> before, Map<String, List<String>> after) {
        StringBuilder differences = new StringBuilder();
        for (String table : before.keySet()) {
            List<String> gone = new ArrayList<>(before.get(table));
            gone.removeAll(after.get(table));
            List<String> added = new ArrayList<>(after.get(table));
            added.removeAll(before.get(table));
            if (!gone.isEmpty() || !added.isEmpty() || before.get(table).size() != after.get(table).size()) {
                differences.append(table).append(": ").append(before.get(table).size()).append(" -> ")
                        .append(after.get(table).size()).append(" rows\n  only before: ")
                        .append(gone.subList(0, Math.min(3, gone.size()))).append("\n  only after:  ")
                        .append(added.subList(0, Math.min(3, added.size()))).append('\n');
            }
        }
        assertThat(differences.toString()).as("read models before and after the replay").isEmpty();
    }

    static void assertForwardOnly(List<String> before, List<String> after) {
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).doesNotContain("ReplayToken");
            assertThat(index(after.get(i))).isGreaterThanOrEqualTo(index(before.get(i)));
        }
    }

    static long index(String token) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\"index\\\":(\\d+)").matcher(token);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Every read-model index (name and definition), constraint and table storage option: a replay builds some of
     * them at its end, and fills its tables with autovacuum off.
     */
    List<String> schemaShape() {
        List<String> all = new java.util.ArrayList<>(jdbc.queryForList("SELECT tablename || '.' || indexname || ': ' "
                + "|| indexdef FROM pg_indexes WHERE schemaname = 'read_model' ORDER BY 1", String.class));
        all.addAll(jdbc.queryForList("SELECT conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE connamespace = 'read_model'::regnamespace ORDER BY 1", String.class));
        all.addAll(jdbc.queryForList("SELECT relname || ' WITH (' || coalesce(array_to_string(reloptions, ', '), '') "
                + "|| ')' FROM pg_class WHERE relnamespace = 'read_model'::regnamespace AND relkind = 'r' ORDER BY 1",
                String.class));
        return all;
    }

    List<String> tokens(String processor) {
        return jdbc.queryForList("SELECT segment || ':' || encode(token, 'escape') FROM event_store.token_entry "
                + "WHERE processor_name = ? ORDER BY segment", String.class, processor);
    }

    HttpResponse<String> send(String method, String path, boolean auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (auth) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode overview() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/admin/projections", true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode awaitJob(long id) {
        AtomicInteger seen = new AtomicInteger();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = send("GET", "/api/v1/admin/projections/replays/" + id, true);
            last[0] = json.readTree(response.body());
            seen.incrementAndGet();
            String state = last[0].path("state").asText();
            return state.equals("DONE") || state.equals("FAILED");
        });
        return last[0];
    }

    @Test
    @Order(1)
    void replayOfEveryReadModelEqualsTheLiveBuiltOneWhileTheApiServes() throws Exception {
        Map<String, List<String>> before = readModels();
        assertThat(before.get("player")).hasSizeGreaterThan(10);
        assertThat(before.get("activity")).hasSizeGreaterThan(300);
        List<String> shape = schemaShape();
        List<String> pushTokens = tokens("push");
        List<String> sagaTokens = tokens("earnings-schedule");
        JsonNode listed = overview();
        assertThat(listed.path("projections")).hasSize(8);
        JsonNode discrepancies = null;
        for (JsonNode p : listed.path("projections")) {
            assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("RUNNING");
            assertThat(p.path("lag").asLong()).isZero();
            if (p.path("name").asText().equals("discrepancies")) {
                discrepancies = p;
            }
        }
        assertThat(discrepancies.path("deadLetters").asLong()).isEqualTo(1);

        String wallet = jdbc.queryForObject("SELECT wallet FROM read_model.player ORDER BY wallet LIMIT 1", String.class);
        AtomicBoolean stop = new AtomicBoolean();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    statuses.add(send("GET", "/api/v1/players/" + wallet, false).statusCode());
                    statuses.add(send("GET", "/api/v1/stats/global", false).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        });
        reader.start();
        Set<String> statesSeen = ConcurrentHashMap.newKeySet();
        HttpResponse<String> accepted = send("POST", "/api/v1/admin/projections/all/replay", true);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long id = json.readTree(accepted.body()).path("id").asLong();
        assertThat(send("POST", "/api/v1/admin/projections/player-summary/replay", true).statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode replay = overview().path("replay");
            if (!replay.isMissingNode() && !replay.isNull()) {
                statesSeen.add(replay.path("state").asText());
                if (replay.path("eventsDone").asLong() > 0) {
                    assertThat(replay.path("eventsTotal").asLong()).isGreaterThanOrEqualTo(replay.path("eventsDone").asLong());
                }
            }
            String state = jobs.find(id).orElseThrow().state().name();
            return state.equals("DONE") || state.equals("FAILED");
        });
        stop.set(true);
        reader.join();
        ReplayJob job = jobs.find(id).orElseThrow();
        assertThat(job.state()).as(job.error()).isEqualTo(ReplayJob.State.DONE);
        assertThat(job.eventsDone()).isGreaterThanOrEqualTo(eventCount() - 1);
        assertThat(job.failedEvents()).isEqualTo(1);   // the poison event, dead-lettered again
        assertThat(statuses).isNotEmpty().containsOnly(200);

        Map<String, List<String>> after = readModels();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertSameRows(before, after);
        assertThat(schemaShape()).isEqualTo(shape);
        assertThat(jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' "
                + "AND tablename LIKE '%\\_\\_next'", String.class)).isEmpty();
        // side-effecting processors were never reset: their tokens only moved forward (to the admin-action event
        // the POST recorded), never back to the start, and never became replay tokens
        assertForwardOnly(pushTokens, tokens("push"));
        assertForwardOnly(sagaTokens, tokens("earnings-schedule"));

        // the live processors run again and continue from the replay's position into the new tables
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (JsonNode p : overview().path("projections")) {
                assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("RUNNING");
            }
        });
        Wallet newcomer = wallet(55);
        events.publish(new ChainDiscrepancyDetected(newcomer, new ChainFact(new ChainPosition("after-replay", "0", 0),
                2, Instant.parse("2026-05-02T00:00:00Z")), "unknown-slot", "after the replay"));
        awaitProjectionsAtHead();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.discrepancy WHERE wallet = ?", Integer.class,
                newcomer.base58())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.activity WHERE wallet = ?", Integer.class,
                newcomer.base58())).isEqualTo(1);
    }

    @Test
    @Order(2)
    void deadLettersOfAReadModel() throws Exception {
        HttpResponse<String> list = send("GET", "/api/v1/admin/projections/discrepancies/dead-letters", true);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode letters = json.readTree(list.body());
        assertThat(letters.path("size").asLong()).isEqualTo(1);
        assertThat(letters.path("data").get(0).path("sequenceIdentifier").asText()).isEqualTo(POISONED.base58());
        assertThat(letters.path("data").get(0).path("payloadType").asText()).isEqualTo("ChainDiscrepancyDetected");
        assertThat(letters.path("data").get(0).path("causeMessage").asText()).isNotEmpty();

        HttpResponse<String> processed = send("POST", "/api/v1/admin/projections/discrepancies/dead-letters/process", true);
        assertThat(processed.statusCode()).as(processed.body()).isEqualTo(200);
        assertThat(json.readTree(processed.body()).path("remaining").asLong()).isEqualTo(1);   // still poison
        assertThat(send("GET", "/api/v1/admin/projections/push/dead-letters", true).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/admin/projections/discrepancies/dead-letters", false).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void onlyReadModelsCanBeReplayed() throws Exception {
        for (String name : List.of("push", "earnings-schedule", "EarningsScheduleSaga", "nope")) {
            HttpResponse<String> response = send("POST", "/api/v1/admin/projections/" + name + "/replay", true);
            assertThat(response.statusCode()).as(name).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThatThrownBy(() -> processors.stop(name)).isInstanceOf(ReplayableProjections.NotReplayableException.class);
            assertThatThrownBy(() -> processors.moveTokens(name, null))
                    .isInstanceOf(ReplayableProjections.NotReplayableException.class);
        }
        assertThat(ReplayableProjections.names()).doesNotContain("push", "earnings-schedule");
        assertThat(send("POST", "/api/v1/admin/projections/nfts/replay", false).statusCode()).isEqualTo(401);
        assertThat(jobs.active()).isEmpty();
    }

    /** A second instance (its agent, with processors of its own) is waited for; one that never stops fails the job. */
    @Test
    @Order(4)
    void everyInstanceStopsTheProcessorsBeforeTheSwitch() throws Exception {
        Map<String, Boolean> running = new ConcurrentHashMap<>(Map.of("nfts", true));
        List<String> calls = new CopyOnWriteArrayList<>();
        ProcessorControl other = new ProcessorControl() {
            public boolean stop(String group) {
                calls.add("stop " + group);
                running.put(group, false);
                return true;
            }

            public void start(String group) {
                calls.add("start " + group);
                running.put(group, true);
            }

            public boolean isRunning(String group) {
                return running.getOrDefault(group, false);
            }
        };
        Map<String, List<String>> before = readModels();
        try (ReplayNodeAgent second = new ReplayNodeAgent(jobs, other, "second-instance", Duration.ofMillis(100))) {
            second.start();
            await().until(() -> jobs.liveNodes().contains("second-instance"));
            HttpResponse<String> accepted = send("POST", "/api/v1/admin/projections/nfts/replay", true);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode done = awaitJob(json.readTree(accepted.body()).path("id").asLong());
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
            // the other instance restarts its processors on its next poll after DONE, not before DONE is written
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 2);
            assertThat(calls).containsExactly("stop nfts", "start nfts");
            assertThat(jobs.acknowledged(done.path("id").asLong())).contains("second-instance");
        }
        assertSameRows(before, readModels());

        // an instance that heartbeats but never stops its processors: the job fails, the live tables stay
        jobs.heartbeat("stuck-instance");
        Thread keepAlive = new Thread(() -> {
            for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                jobs.heartbeat("stuck-instance");
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        keepAlive.start();
        try {
            HttpResponse<String> accepted = send("POST", "/api/v1/admin/projections/leaderboards/replay", true);
            JsonNode failed = awaitJob(json.readTree(accepted.body()).path("id").asLong());
            assertThat(failed.path("state").asText()).isEqualTo("FAILED");
            assertThat(failed.path("error").asText()).contains("stuck-instance");
        } finally {
            keepAlive.interrupt();
            keepAlive.join();
            jobs.leave("stuck-instance");
        }
        assertSameRows(before, readModels());
        await().atMost(Duration.ofSeconds(5)).until(() -> processors.isRunning("leaderboards"));
    }
}
