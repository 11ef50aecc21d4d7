package com.solanamafia.app.earnings;

import com.solanamafia.command.earnings.submission.EarningsSubmitter;
import com.solanamafia.command.earnings.submission.OperatorKey;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.sim.earnings.EarningsUpdateProcessor;
import com.solanamafia.sim.fault.FaultConfig;
import com.solanamafia.sim.ledger.SimTransaction;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop against the chain simulator (time compressed 3600x: a day-long due window is 24 s): players of a
 * live generated game join and buy businesses at spread times; the schedule saga's durable deadlines fire; the
 * submitter signs and sends batched updates; the simulator verifies and executes them; the ingester brings the
 * EarningsUpdated events back, which confirm the windows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarningsEndToEndTest {
    static final byte[] SEED = new byte[32];
    static final String WRITE_TOKEN = "write-token-for-tests";
    static final String READ_TOKEN = "read-token-for-tests";
    static ChainSimulator sim;
    static EarningsUpdateProcessor processor;
    static OperatorKey operator;

    static {
        for (int i = 0; i < 32; i++) {
            SEED[i] = (byte) (i * 7 + 3);
        }
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestPostgres.freshDatabase("earnings_e2e").register(registry);
        TestRedis.register(registry);
        operator = OperatorKey.ofBytes(SEED);
        sim = ChainSimulator.start(SimConfig.builder().seed(11).players(8).liveGame(true).tps(12).tickSlots(true)
                .slotMillis(100).timeCompression(3600).build());
        sim.game().setExternalEarningsUpdates(true);
        processor = new EarningsUpdateProcessor(sim.game(), operator.publicKey(), 150);
        sim.setTransactionProcessor(processor);
        registry.add("solana-mafia.solana.rpc-url", sim::rpcUrl);
        registry.add("solana-mafia.earnings.operator-keypair", () -> OperatorKey.cliJson(SEED));
        registry.add("solana-mafia.earnings.time-compression", () -> "3600");
        registry.add("solana-mafia.earnings.tick", () -> "200ms");
        registry.add("solana-mafia.earnings.rpc-per-second", () -> "500");
        registry.add("solana-mafia.earnings.backoff-base", () -> "500ms");
        registry.add("solana-mafia.earnings.confirm-timeout", () -> "5s");
        registry.add("solana-mafia.earnings.grace", () -> "30m");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        registry.add("solana-mafia.ingest.poll-interval", () -> "300ms");
        registry.add("solana-mafia.admin.tokens[0].name", () -> "ops");
        registry.add("solana-mafia.admin.tokens[0].sha256", () -> sha256(WRITE_TOKEN));
        registry.add("solana-mafia.admin.tokens[0].roles", () -> "admin:read,admin:write");
        registry.add("solana-mafia.admin.tokens[1].name", () -> "viewer");
        registry.add("solana-mafia.admin.tokens[1].sha256", () -> sha256(READ_TOKEN));
        registry.add("solana-mafia.admin.tokens[1].roles", () -> "admin:read");
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        if (processor != null) {
            processor.close();
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EarningsSubmitter submitter;
    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    record Update(String wallet, long blockTime, long next, String signature) {
    }

    /** Our EarningsUpdated events on the chain, per player, in chain order. */
    Map<String, List<Update>> updatesOnChain() {
        EventCodec codec = sim.game().codec();
        Map<String, List<Update>> out = new HashMap<>();
        for (SimTransaction tx : sim.ledger().all()) {
            if (!tx.succeeded() || tx.accountKeys().isEmpty() || !tx.accountKeys().get(0).equals(operator.publicKey())) {
                continue;
            }
            for (String line : tx.logMessages()) {
                if (line.startsWith(EventCodec.PROGRAM_DATA_PREFIX)) {
                    codec.decodeBase64(line.substring(EventCodec.PROGRAM_DATA_PREFIX.length())).ifPresent(p -> {
                        if (p.name().equals("EarningsUpdated")) {
                            String w = String.valueOf(p.fields().get("player"));
                            out.computeIfAbsent(w, k -> new ArrayList<>()).add(new Update(w, tx.blockTime(),
                                    Long.parseLong(String.valueOf(p.fields().get("next_earnings_time"))), tx.signature()));
                        }
                    });
                }
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void everyDueWindowIsPaidExactlyOnceAndOnTime() {
        // about four days of chain time; players join and buy at spread times
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<Update>> u = updatesOnChain();
            return u.size() >= 4 && u.values().stream().filter(l -> l.size() >= 3).count() >= 3;
        });
        assertWindowsPaidOnceAndOnTime();
    }

    @Test
    @Order(2)
    void rpcFaultsDelayButDoNotLoseUpdates() {
        Map<String, List<Update>> before = updatesOnChain();
        int total = before.values().stream().mapToInt(List::size).sum();
        sim.setFaults(FaultConfig.parse("rate429=0.2,retryAfter=1,http5xx=0.2,malformed=0.1,latencyMs=20"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> updatesOnChain().values().stream().mapToInt(List::size).sum() >= total + 6);
        sim.setFaults(FaultConfig.NONE);
        // retried 429s (Retry-After 1 s = 1 h of chain time each) and 5xx answers make updates later, not lost
        assertWindowsPaidOnceAndOnTime(16 * 3600);
    }

    @Test
    @Order(3)
    void aCrashBetweenSigningAndSendingDoesNotDoubleSend() {
        // The submitter commits the signature, then "crashes" before the send (the hook throws): the row stays SUBMITTED.
        // Nothing re-sends it until the chain proves it can never land (block height past lastValidBlockHeight);
        // then it is re-signed once.
        int[] crashes = {0};
        submitter.setAfterSubmitHook(() -> {
            if (crashes[0]++ < 1) {
                throw new IllegalStateException("simulated crash after the signature was stored");
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> crashes[0] >= 1);
        Integer requeued = jdbc.queryForObject("SELECT count(*) FROM earnings.update_attempt WHERE outcome = 'REQUEUED'", Integer.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM earnings.update_attempt WHERE outcome = 'REQUEUED' AND detail LIKE 'blockhash expired%'",
                        Integer.class) > 0);
        submitter.setAfterSubmitHook(null);
        int total = updatesOnChain().values().stream().mapToInt(List::size).sum();
        await().atMost(Duration.ofSeconds(60)).until(() -> updatesOnChain().values().stream().mapToInt(List::size).sum() >= total + 3);
        // the crashed window waited for its blockhash to expire (150 slots x 360 s of chain time) before the re-send
        assertWindowsPaidOnceAndOnTime(150 * 360 + 12 * 3600);
        assertThat(requeued).isNotNull();
    }

    /** On time: in the first half of the due window (12 h of chain time = 12 s of wall time on a busy CI machine). */
    void assertWindowsPaidOnceAndOnTime() {
        assertWindowsPaidOnceAndOnTime(12 * 3600);
    }

    void assertWindowsPaidOnceAndOnTime(long maxLateChainSeconds) {
        Map<String, List<Update>> updates = updatesOnChain();
        for (List<Update> list : updates.values()) {
            for (int i = 1; i < list.size(); i++) {
                Update prev = list.get(i - 1);
                Update cur = list.get(i);
                // exactly one update per window: the next one only after the previous due time passed...
                assertThat(cur.blockTime()).as("update %s of %s before its window", i, cur.wallet()).isGreaterThanOrEqualTo(prev.next());
                // ...and not a window skipped (on time: within maxLateChainSeconds of the due time)
                assertThat(cur.blockTime() - prev.next()).as("lateness of update %s of %s", i, cur.wallet()).isLessThan(maxLateChainSeconds);
            }
        }
        // never two successful transactions for one window
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT wallet, due_at FROM earnings.update_attempt WHERE outcome = 'LANDED'
                GROUP BY wallet, due_at HAVING count(*) > 1) x""", Integer.class)).isZero();
        // windows the ingester confirmed match the updates on chain
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, List<Update>> now = updatesOnChain();
            for (Map.Entry<String, List<Update>> e : updates.entrySet()) {
                Integer confirmed = jdbc.queryForObject("SELECT count(*) FROM earnings.update_attempt WHERE wallet = ? AND outcome = 'CONFIRMED'",
                        Integer.class, e.getKey());
                assertThat(confirmed).isGreaterThanOrEqualTo(e.getValue().size() - 1).isLessThanOrEqualTo(now.get(e.getKey()).size());
            }
        });
    }

    HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(4)
    void adminEndpointsRefuseMissingAndWrongCredentialsAndAcceptRightOnes() throws Exception {
        HttpResponse<String> none = call("GET", "/api/v1/admin/earnings/status", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(none.body()).contains("\"status\":401");
        assertThat(call("GET", "/api/v1/admin/earnings/status", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/admin/ingest/status", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/admin/ingest/status", READ_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/admin/earnings/pause", READ_TOKEN).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/earnings/status", READ_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/admin/earnings/dry-run", READ_TOKEN).body()).contains("batches");
        assertThat(call("GET", "/api/v1/admin/earnings/runs", READ_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/admin/earnings/failures", READ_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/admin/earnings/retries", READ_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/admin/earnings/pause", WRITE_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/admin/earnings/status", READ_TOKEN).body()).contains("\"paused\":true");
        assertThat(call("POST", "/api/v1/admin/earnings/resume", WRITE_TOKEN).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/admin/earnings/trigger-due", WRITE_TOKEN).statusCode()).isEqualTo(202);
        // public endpoints stay public
        assertThat(call("GET", "/health/db", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/players/11111111111111111111111111111112", null).statusCode()).isEqualTo(404);
        // every admin action is a domain event with its actor
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%AdminActionRecorded'", Integer.class) >= 3);
    }
}
