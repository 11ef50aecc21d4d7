package com.solanamafia.app.earnings;

import com.solanamafia.command.earnings.submission.EarningsSubmitter;
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
import java.time.Duration;

import static com.solanamafia.app.earnings.EarningsLoop.READ_TOKEN;
import static com.solanamafia.app.earnings.EarningsLoop.WRITE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The earnings loop ({@link EarningsLoop}) after a crash between signing and sending, and its admin endpoints. A class
 * of its own so that it runs beside {@link EarningsEndToEndTest} rather than after it: both mostly wait on chain time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarningsCrashAndAdminTest {
    static EarningsLoop loop;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        loop = EarningsLoop.start(registry, "earnings_crash");
    }

    @AfterAll
    static void stop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EarningsSubmitter submitter;
    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
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
        await().atMost(Duration.ofSeconds(90)).until(() -> crashes[0] >= 1);
        Integer requeued = jdbc.queryForObject("SELECT count(*) FROM earnings.update_attempt WHERE outcome = 'REQUEUED'", Integer.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM earnings.update_attempt WHERE outcome = 'REQUEUED' AND detail LIKE 'blockhash expired%'",
                        Integer.class) > 0);
        submitter.setAfterSubmitHook(null);
        int total = loop.updateCount();
        await().atMost(Duration.ofSeconds(60)).until(() -> loop.updateCount() >= total + 3);
        // the crashed window waited for its blockhash to expire (150 slots x 360 s of chain time) before the re-send
        loop.assertWindowsPaidOnceAndOnTime(jdbc, 150 * 360 + 12 * 3600);
        assertThat(requeued).isNotNull();
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
    @Order(2)
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
