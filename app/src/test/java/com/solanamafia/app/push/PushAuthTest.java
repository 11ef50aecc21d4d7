package com.solanamafia.app.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Wallet authentication, channel access and bad input on /ws, against a running app. */
class PushAuthTest {
    static PushApp app;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));

    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        Clock pushClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void start() {
        app = PushApp.start(TestPostgres.freshDatabase("push_auth"), TestRedis.url(),
                Map.of("solana-mafia.push.challenge-ttl", "30s",
                        "solana-mafia.push.max-frame-bytes", "1024",
                        "solana-mafia.push.client-messages-per-second", "50"), TestClock.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theServerSendsAOneTimeChallengeAndASignedOneAuthenticates() {
        try (WsClient client = WsClient.connect(app.port())) {
            JsonNode challenge = client.challenge;
            assertThat(challenge.path("nonce").asText()).hasSizeGreaterThan(20);
            String expiresAt = CLOCK.instant().plusSeconds(30).toString();
            assertThat(challenge.path("expiresAt").asText()).isEqualTo(expiresAt);
            assertThat(challenge.path("message").asText())
                    .isEqualTo("solana-mafia:ws-auth:" + challenge.path("nonce").asText() + ":" + expiresAt);

            TestWallet wallet = new TestWallet();
            JsonNode ok = client.authenticate(wallet);
            assertThat(ok.path("wallet").asText()).isEqualTo(wallet.wallet.base58());

            client.subscribe(wallet.channel(), null);
            JsonNode subscribed = client.next("subscribed");
            assertThat(subscribed.path("channel").asText()).isEqualTo(wallet.channel());
            assertThat(subscribed.path("seq").asLong()).isPositive();
        }
    }

    @Test
    void aWrongSignatureIsRefusedAndANewChallengeIssued() {
        try (WsClient client = WsClient.connect(app.port())) {
            TestWallet wallet = new TestWallet();
            TestWallet impostor = new TestWallet();
            // signed by another key
            var forged = impostor.authMessage(client.challenge).put("wallet", wallet.wallet.base58());
            client.send(forged);
            assertThat(client.nextAny().path("code").asText()).isEqualTo("bad_signature");
            JsonNode fresh = client.next("challenge");
            assertThat(fresh.path("nonce").asText()).isNotEqualTo(client.challenge.path("nonce").asText());

            // garbage signature, same outcome; the connection survives
            client.challenge = fresh;
            client.send(wallet.authMessage(fresh).put("signature", "not-base58-0OIl"));
            assertThat(client.nextAny().path("code").asText()).isEqualTo("bad_signature");
            client.challenge = client.next("challenge");

            // and the owner can still log in on this connection
            client.authenticate(wallet);
        }
    }

    @Test
    void aChallengeCannotBeReplayed() {
        TestWallet wallet = new TestWallet();
        JsonNode used;
        try (WsClient first = WsClient.connect(app.port())) {
            used = wallet.authMessage(first.challenge);
            first.authenticate(wallet);
            // the same proof again on the same connection
            first.send(used);
            assertThat(first.nextAny().path("code").asText()).isEqualTo("already_authenticated");
        }
        try (WsClient second = WsClient.connect(app.port())) {
            // a captured proof, naming its (spent) nonce
            second.send(used);
            assertThat(second.nextAny().path("code").asText()).isEqualTo("invalid_challenge");
            JsonNode fresh = second.next("challenge");
            // the captured proof without the nonce: does not verify against the new challenge
            second.send(((com.fasterxml.jackson.databind.node.ObjectNode) used.deepCopy()).without("nonce"));
            assertThat(second.nextAny().path("code").asText()).isEqualTo("bad_signature");
            second.challenge = second.next("challenge");
            assertThat(second.challenge.path("nonce").asText()).isNotEqualTo(fresh.path("nonce").asText());
            // a stranger's proof cannot open the owner's channel
            second.subscribe(wallet.channel(), null);
            assertThat(second.nextAny().path("code").asText()).isEqualTo("auth_required");
        }
    }

    @Test
    void anExpiredChallengeIsRefused() {
        try (WsClient client = WsClient.connect(app.port())) {
            TestWallet wallet = new TestWallet();
            var proof = wallet.authMessage(client.challenge);
            CLOCK.advance(Duration.ofSeconds(31));
            client.send(proof);
            JsonNode error = client.nextAny();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("challenge_expired");
            // a new challenge, signed in time, works
            client.challenge = client.next("challenge");
            client.authenticate(wallet);
        }
    }

    @Test
    void anotherWalletsChannelIsForbiddenAndPublicChannelsNeedNoAuth() {
        try (WsClient client = WsClient.connect(app.port())) {
            TestWallet me = new TestWallet();
            TestWallet other = new TestWallet();
            client.subscribe("stats:global", null);
            assertThat(client.next("subscribed").path("channel").asText()).isEqualTo("stats:global");
            client.subscribe("leaderboard:earnings", null);
            assertThat(client.next("subscribed").path("channel").asText()).isEqualTo("leaderboard:earnings");

            client.authenticate(me);
            client.subscribe(other.channel(), null);
            JsonNode refused = client.nextAny();
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("forbidden");
            assertThat(refused.path("channel").asText()).isEqualTo(other.channel());

            client.subscribe("leaderboard:nonsense", null);
            assertThat(client.nextAny().path("code").asText()).isEqualTo("unknown_channel");
            client.subscribe("player:not-a-wallet", null);
            assertThat(client.nextAny().path("code").asText()).isEqualTo("unknown_channel");
        }
    }

    @Test
    void badInputGetsAnErrorAndTheConnectionSurvives() {
        try (WsClient client = WsClient.connect(app.port())) {
            client.send("{not json");
            assertThat(client.nextAny().path("code").asText()).isEqualTo("bad_json");
            client.send("[1,2]");
            assertThat(client.nextAny().path("code").asText()).isEqualTo("bad_message");
            client.send("{\"type\":\"dance\"}");
            assertThat(client.nextAny().path("code").asText()).isEqualTo("unknown_type");
            client.send("{\"type\":\"subscribe\",\"channels\":[{\"channel\":\"stats:global\",\"lastSeq\":-3}]}");
            assertThat(client.nextAny().path("code").asText()).isEqualTo("bad_message");
            client.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
            assertThat(client.nextAny().path("code").asText()).isEqualTo("frame_too_large");
            client.send("{\"type\":\"unsubscribe\",\"channels\":[\"stats:global\"]}");
            assertThat(client.nextAny().path("code").asText()).isEqualTo("not_subscribed");

            client.send("{\"type\":\"ping\"}");
            assertThat(client.nextAny().path("type").asText()).isEqualTo("pong");
            assertThat(client.closed).isNotDone();
        }
    }

    @Test
    void aFloodIsRateLimitedThenClosed() {
        try (WsClient client = WsClient.connect(app.port())) {
            for (int i = 0; i < 60; i++) {
                client.send("{\"type\":\"ping\"}");
            }
            client.next(m -> m.path("code").asText().equals("rate_limited"), "code rate_limited");
            for (int i = 0; i < 300 && !client.closed.isDone(); i++) {
                try {
                    client.send("{\"type\":\"ping\"}");
                } catch (RuntimeException closedMeanwhile) {
                    break;
                }
            }
            assertThat(client.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1008);
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
