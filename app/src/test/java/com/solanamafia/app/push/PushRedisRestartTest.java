package com.solanamafia.app.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.testsupport.FreePorts;
import com.solanamafia.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away and comes back empty (no persistence): events produced meanwhile are not lost (the push
 * processor retries), connected clients stay connected and delivery resumes; the seq keeps increasing and the
 * lost history shows up as resync.
 */
class PushRedisRestartTest {
    static RedisProcess redis;
    static PushApp app;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisProcess(FreePorts.any());
        redis.start();
        app = PushApp.start(TestPostgres.freshDatabase("push_redis_restart"), redis.url(), Map.of());
        app.awaitPushProcessor();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void deliveryResumesAfterARedisRestart() throws Exception {
        TestWallet wallet = new TestWallet();
        try (WsClient client = WsClient.connect(app.port())) {
            client.authenticate(wallet);
            client.subscribe(wallet.channel(), null);
            client.next("subscribed");
            app.accrue(wallet.wallet, 1);
            long before = client.next(m -> m.path("type").asText().equals("event"), "event before").path("seq").asLong();

            redis.stop();
            app.join(wallet.wallet); // stored in PostgreSQL; the push processor cannot publish it yet
            client.subscribe("stats:global", null);
            JsonNode unavailable = client.next("error");
            assertThat(unavailable.path("code").asText()).isEqualTo("unavailable");
            redis.start();

            // the retried event arrives; the empty Redis lost the history, so the client is told to resync first
            JsonNode first = client.next(m -> m.path("channel").asText().equals(wallet.channel()), "message after restart");
            assertThat(first.path("type").asText()).isIn("resync", "event");
            assertThat(first.path("seq").asLong()).isGreaterThan(before);
            if (first.path("type").asText().equals("resync")) {
                assertThat(first.path("reason").asText()).isEqualTo("history_expired");
            } else {
                assertThat(first.path("event").asText()).isEqualTo("player.joined");
            }

            app.accrue(wallet.wallet, 2);
            JsonNode live = client.next(m -> m.path("type").asText().equals("event")
                    && m.path("event").asText().equals("earnings.accrued"), "live event after restart");
            assertThat(live.path("seq").asLong()).isGreaterThan(first.path("seq").asLong());
            assertThat(live.path("data").path("earningsAdded").asText()).isEqualTo("2");
            assertThat(client.closed).isNotDone();
        }
    }

    /** A throwaway redis-server process (no persistence), on a fixed port so it can be restarted. */
    static final class RedisProcess {
        final int port;
        Process process;

        RedisProcess(int port) {
            this.port = port;
        }

        String url() {
            return "redis://127.0.0.1:" + port;
        }

        void start() {
            try {
                process = new ProcessBuilder(List.of(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start redis-server (install it: apt-get install redis-server)", e);
            }
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(this::accepting);
        }

        void stop() {
            if (process != null) {
                process.destroy();
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                process = null;
            }
        }

        private boolean accepting() {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String binary() {
            String configured = System.getenv("REDIS_SERVER");
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
            return new File("/usr/bin/redis-server").exists() ? "/usr/bin/redis-server" : "redis-server";
        }
    }
}
