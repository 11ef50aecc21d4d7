package com.solanamafia.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.player.RecordPlayerJoined;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The walking skeleton: a chain fact becomes a domain event, a projection row and a REST response. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ThinSliceTest {
    static final String WALLET = "33jmAYTeKuUUBy2umymj8ruj3eg1d1DiuUGktnwjkzGY";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestPostgres.freshDatabase("thin_slice").register(registry);
        TestRedis.register(registry);
        registry.add("solana-mafia.simulator.tps", () -> "0");
    }

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    ChainSimulator chain;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PlayerCreated exactly as the program logs it (first transaction vector of the shared test data). */
    static final List<String> CREATE_PLAYER_LOGS = List.of(
            "Program 3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7 invoke [1]",
            "Program log: Instruction: CreatePlayer",
            "Program 11111111111111111111111111111111 invoke [2]",
            "Program 11111111111111111111111111111111 success",
            "Program data: /glKUVwFvdweauLRNaCVDO6Mtvi5N/zhlrtfjig89x7/Ag+5oxcHYRm5mEADAAAA6pKmagAAAACZw6ZqAAAAAA==",
            "Program 3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7 consumed 8907 of 200000 compute units",
            "Program 3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7 success");

    @Test
    void aPlayerCreatedLogBecomesAnApiResponse() throws Exception {
        assertThat(get("/api/v1/players/" + WALLET).statusCode()).isEqualTo(404);

        chain.appendTransaction(CREATE_PLAYER_LOGS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/v1/players/" + WALLET).statusCode()).isEqualTo(200));
        JsonNode body = json.readTree(get("/api/v1/players/" + WALLET).body());
        assertThat(body.path("entryFeeLamports").asText()).isEqualTo("13968652569");
        assertThat(body.path("joinedAt").asText()).isEqualTo(Instant.ofEpochSecond(1789301482L).toString());
    }

    @Test
    void aJoinedPlayerIsServedByTheApi() throws Exception {
        String wallet = "9JzwTbp1vCcsz3dr6g7LKdJAkKjf5zjLWMr4WMmQqktN";
        assertThat(get("/api/v1/players/" + wallet).statusCode()).isEqualTo(404);

        BigInteger aboveLongMax = new BigInteger("18446744073709551615");
        commands.sendAndWait(new RecordPlayerJoined(Wallet.of(wallet),
                new ChainFact(new ChainPosition("5sigdirect", "0", 0), 42, Instant.parse("2026-05-01T10:00:00Z")),
                new Lamports(aboveLongMax), Instant.parse("2026-05-01T10:00:00Z"), null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/api/v1/players/" + wallet).statusCode()).isEqualTo(200));
        HttpResponse<String> response = get("/api/v1/players/" + wallet);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("wallet").asText()).isEqualTo(wallet);
        assertThat(body.path("entryFeeLamports").isTextual()).isTrue();
        assertThat(body.path("entryFeeLamports").asText()).isEqualTo("18446744073709551615");
        assertThat(body.path("joinedAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(response.headers().firstValue("X-Read-Model-Position")).isPresent();
    }

    @Test
    void malformedAndUnknownWalletsAreProblems() throws Exception {
        HttpResponse<String> bad = get("/api/v1/players/not-a-key");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        HttpResponse<String> unknown = get("/api/v1/players/11111111111111111111111111111112");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void healthGroupsReportEachDependency() throws Exception {
        assertThat(get("/health/db").statusCode()).isEqualTo(200);
        assertThat(get("/health/redis").statusCode()).isEqualTo(200);
        HttpResponse<String> solana = get("/health/solana");
        assertThat(solana.statusCode()).isEqualTo(200);
        assertThat(json.readTree(solana.body()).path("components").path("solanaNode").path("details").path("slot").isNumber()).isTrue();
        String metrics = get("/prometheus").body();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        // the ingest path's light monitors: the thin slice's command went through the bus, its event into the store
        assertThat(metrics.lines().filter(l -> l.startsWith("axon_messages_seconds_count{"))
                .filter(l -> l.contains("outcome=\"success\"")).filter(l -> !l.endsWith(" 0.0")))
                .anyMatch(l -> l.contains("component=\"commandBus\""))
                .anyMatch(l -> l.contains("component=\"eventStore\""));
        // the event processors' light monitors: a timer per outcome and the latency gauge of each processor
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/prometheus").body().lines()
                .filter(l -> l.startsWith("axon_messages_seconds_count{")).filter(l -> !l.endsWith(" 0.0")))
                .anyMatch(l -> l.contains("component=\"eventProcessor.player-summary\"") && l.contains("outcome=\"success\"")));
        assertThat(metrics).contains("axon_processor_latency_milliseconds{").contains("processor=\"player-summary\"");
        // the read models' live batches go through their buffered models, and none of their writes failed
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/prometheus").body().lines()
                .filter(l -> l.startsWith("projections_batches_buffered_total{")))
                .anyMatch(l -> l.contains("processor=\"player-summary\"") && !l.endsWith(" 0.0")));
        assertThat(get("/prometheus").body().lines().filter(l -> l.startsWith("projections_batches_write_failed_total{")))
                .hasSize(8).allMatch(l -> l.endsWith(" 0.0"));
    }
}
