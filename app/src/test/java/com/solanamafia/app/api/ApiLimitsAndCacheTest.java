package com.solanamafia.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.projections.replay.ReplayableProjections;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.testsupport.FreePorts;
import com.solanamafia.testsupport.TestPostgres;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits (429 + Retry-After + problem body, per client, API keys separately), request size limits (413),
 * CORS from configuration, and the Redis cache of hot reads with invalidation by the projections; then Redis goes
 * away (a throwaway redis-server this test starts and stops): the API keeps answering from PostgreSQL, rate limits
 * fail open, /health/redis says DOWN; Redis comes back and is used again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiLimitsAndCacheTest {
    static final String API_KEY = "a-dashboard-key";
    static final Wallet ALICE = wallet(31);
    static Process redis;
    static int redisPort;
    static Path redisDir;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        redisPort = FreePorts.any();
        redisDir = Files.createTempDirectory("redis-api-test");
        startRedis();
        TestPostgres.freshDatabase("api_limits").register(registry);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + redisPort);
        registry.add("solana-mafia.simulator.tps", () -> "0");
        registry.add("solana-mafia.simulator.history", () -> "0");
        registry.add("solana-mafia.earnings.enabled", () -> "false");
        registry.add("solana-mafia.api.rate-limit.requests-per-second", () -> "2");
        registry.add("solana-mafia.api.rate-limit.burst", () -> "5");
        registry.add("solana-mafia.api.rate-limit.api-key-requests-per-second", () -> "1000");
        registry.add("solana-mafia.api.rate-limit.api-key-burst", () -> "1000");
        registry.add("solana-mafia.api.max-body-size", () -> "1KB");
        registry.add("solana-mafia.api.cors.allowed-origins", () -> "https://app.example.com");
        registry.add("solana-mafia.api.cache.player-ttl", () -> "10m");
    }

    static void startRedis() throws IOException {
        redis = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString())
                .redirectOutput(redisDir.resolve("redis.log").toFile()).redirectErrorStream(true).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Socket s = new Socket("127.0.0.1", redisPort)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    static Wallet wallet(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = 5;
        return Wallet.ofBytes(key);
    }

    @AfterAll
    void stopRedis() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    @Autowired
    ProjectionPositions positions;
    @Autowired
    org.redisson.api.RedissonClient redisson;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    int sequence;

    ChainFact fact() {
        sequence++;
        return new ChainFact(new ChainPosition("api-sig" + sequence, "0", 0), 100 + sequence,
                Instant.parse("2026-05-01T10:00:00Z").plusSeconds(sequence));
    }

    void publishAndAwait(Object... domainEvents) {
        events.publish(domainEvents);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            long head = positions.positionOf(ReplayableProjections.names().get(0));
            for (String name : ReplayableProjections.names()) {
                assertThat(positions.positionOf(name)).isPositive();
            }
            assertThat(head).isPositive();
        });
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> keyed(String path) throws Exception {
        return get(path, "X-Api-Key", API_KEY);
    }

    @BeforeAll
    void seed() {
        events.publish(new PlayerJoined(ALICE, fact(), Lamports.of(10_000_000), Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-02T10:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> positions.positionOf("player-summary") > 0);
    }

    @Test
    @Order(1)
    void aClientOverItsLimitGets429WithRetryAfterAndAProblem() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = get("/api/v1/stats/global");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }
        assertThat(statuses).contains(200, 429);
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 5L));
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(limited.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("title").asText()).isEqualTo("Too many requests");
        // an API key is another client with its own (larger) bucket
        for (int i = 0; i < 20; i++) {
            assertThat(keyed("/api/v1/stats/global").statusCode()).isEqualTo(200);
        }
        // non-API paths are not limited
        assertThat(get("/health").statusCode()).isIn(200, 503);
        Thread.sleep(1500);   // refill: 2 tokens/s
        assertThat(get("/api/v1/stats/global").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void bodiesOverTheLimitGet413Problems() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/players/" + ALICE))
                .header("X-Api-Key", API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(4096))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(413);
    }

    @Test
    @Order(3)
    void corsFromConfiguration() throws Exception {
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/stats/global")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/stats/global")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(403);
        HttpResponse<String> simple = get("/api/v1/stats/global", "Origin", "https://app.example.com",
                "X-Api-Key", API_KEY);
        assertThat(simple.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                .contains("X-Read-Model-Position");
    }

    @Test
    @Order(4)
    void hotReadsAreCachedInRedisAndInvalidatedByTheProjections() throws Exception {
        HttpResponse<String> first = keyed("/api/v1/players/" + ALICE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).path("pendingEarningsLamports").asText()).isEqualTo("0");
        assertThat(redisson.getKeys().getKeysStreamByPattern("sm:*:cache:player:" + ALICE.base58()).count()).isEqualTo(1);
        HttpResponse<String> cached = keyed("/api/v1/players/" + ALICE);
        assertThat(cached.body()).isEqualTo(first.body());
        assertThat(cached.headers().firstValue("X-Read-Model-Position"))
                .isEqualTo(first.headers().firstValue("X-Read-Model-Position"));
        // answered without MVC (Content-Length), with the Vary headers MVC's CORS processing gives the controller's
        // answer (chunked; an Accept naming YAML goes to the controller, which picks JSON here)
        HttpResponse<String> controller = get("/api/v1/players/" + ALICE, "X-Api-Key", API_KEY,
                "Accept", "application/json, application/yaml;q=0.1");
        assertThat(cached.headers().firstValue("Content-Length")).isPresent();
        assertThat(controller.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(controller.body()).isEqualTo(cached.body());
        assertThat(cached.headers().allValues("Vary")).isNotEmpty()
                .isEqualTo(controller.headers().allValues("Vary"));

        events.publish(new EarningsAccrued(ALICE, fact(), Lamports.of(777), Lamports.of(777),
                UnixTime.ofSeconds(Instant.parse("2026-05-03T10:00:00Z").getEpochSecond()), 1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(json.readTree(keyed("/api/v1/players/" + ALICE).body()).path("pendingEarningsLamports")
                        .asText()).isEqualTo("777"));
        assertThat(keyed("/api/v1/stats/global").statusCode()).isEqualTo(200);
        assertThat(keyed("/api/v1/leaderboards/earnings").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json.readTree(
                keyed("/api/v1/leaderboards/earnings").body()).path("data")).hasSize(1));
    }

    @Test
    @Order(5)
    void withRedisDownTheApiAnswersFromPostgresAndHealthSaysDown() throws Exception {
        redis.destroy();
        redis.waitFor();
        HttpResponse<String> health = get("/health/redis");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("DOWN");
        for (int i = 0; i < 30; i++) {   // far over the per-IP limit: rate limits fail open
            HttpResponse<String> player = get("/api/v1/players/" + ALICE);
            assertThat(player.statusCode()).as(player.body()).isEqualTo(200);
            assertThat(json.readTree(player.body()).path("pendingEarningsLamports").asText()).isEqualTo("777");
        }
        assertThat(get("/api/v1/stats/global").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/leaderboards/earnings").statusCode()).isEqualTo(200);

        startRedis();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/health/redis").statusCode() == 200);
        // the test's own client may still hold a connection to the stopped server: it fails once, then reconnects
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            keyed("/api/v1/players/" + ALICE);
            return redisson.getKeys().getKeysStreamByPattern("sm:*:cache:player:*").count() == 1;
        });
    }
}
