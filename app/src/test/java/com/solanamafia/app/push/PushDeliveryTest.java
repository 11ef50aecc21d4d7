package com.solanamafia.app.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.query.push.redis.PushStore;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances sharing one PostgreSQL database and one Redis: events reach clients on either instance,
 * resume replays exactly what was missed, and a gap beyond the history window answers resync.
 */
class PushDeliveryTest {
    static final int HISTORY = 5;
    static PushApp a;
    static PushApp b;

    @BeforeAll
    static void start() {
        TestPostgres.Database db = TestPostgres.freshDatabase("push_delivery");
        Map<String, Object> props = Map.of("solana-mafia.push.history-max-length", HISTORY);
        // A ingests from its chain simulator (B does not ingest): chain events reach B's clients through A
        a = PushApp.start(db, TestRedis.url(), Map.of("solana-mafia.push.history-max-length", HISTORY,
                "solana-mafia.ingest.enabled", true, "solana-mafia.simulator.tps", 0,
                "solana-mafia.earnings.enabled", false));
        b = PushApp.start(db, TestRedis.url(), props);
        a.awaitPushProcessor();
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static boolean eventOn(JsonNode m, String channel) {
        return m.path("type").asText().equals("event") && m.path("channel").asText().equals(channel);
    }

    static long subscribe(WsClient client, String channel, Long lastSeq) {
        client.subscribe(channel, lastSeq);
        JsonNode ack = client.next(m -> m.path("type").asText().equals("subscribed") && m.path("channel").asText().equals(channel),
                "subscribed to " + channel);
        return ack.path("seq").asLong();
    }

    /** A live client of the wallet's channel that waits until n more events have been published. */
    static WsClient observer(PushApp app, TestWallet wallet) {
        WsClient client = WsClient.connect(app.port());
        client.authenticate(wallet);
        subscribe(client, wallet.channel(), null);
        return client;
    }

    static List<JsonNode> events(WsClient client, String channel, int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(client.next(m -> eventOn(m, channel), "event on " + channel));
        }
        return out;
    }

    @Test
    void anEventIngestedFromTheChainByOneInstanceReachesAClientOnTheOther() {
        TestWallet wallet = new TestWallet();
        try (WsClient onB = WsClient.connect(b.port())) {
            onB.authenticate(wallet);
            long seq = subscribe(onB, wallet.channel(), null);
            ChainEvents chain = new ChainEvents(a.context.getBean(ChainSimulator.class), 1);
            chain.awaitIngesting();
            chain.accrue(1, wallet.wallet);
            chain.append();

            JsonNode event = onB.next(m -> eventOn(m, wallet.channel()), "the accrual ingested by A, on B");
            assertThat(event.path("event").asText()).isEqualTo("earnings.accrued");
            assertThat(event.path("seq").asLong()).isEqualTo(seq + 1);
            assertThat(event.path("data").path("earningsAdded").asText()).isEqualTo("1");
            assertThat(event.path("data").path("totalPending").asText()).isEqualTo("1");
        }
    }

    @Test
    void aChainFactCommandOnOneInstanceReachesClientsOnBoth() {
        TestWallet wallet = new TestWallet();
        try (WsClient onB = WsClient.connect(b.port()); WsClient onA = WsClient.connect(a.port())) {
            onB.authenticate(wallet);
            long seq = subscribe(onB, wallet.channel(), null);
            subscribe(onB, "stats:global", null);
            onA.authenticate(wallet);
            subscribe(onA, wallet.channel(), null);

            a.join(wallet.wallet);

            JsonNode event = onB.next(m -> eventOn(m, wallet.channel()), "player event");
            assertThat(event.path("event").asText()).isEqualTo("player.joined");
            assertThat(event.path("seq").asLong()).isEqualTo(seq + 1);
            assertThat(event.path("data").path("wallet").asText()).isEqualTo(wallet.wallet.base58());
            assertThat(event.path("data").path("entryFee").asText()).isEqualTo("1000000");
            assertThat(event.path("timestamp").asText()).isNotEmpty();
            assertThat(event.path("position").asLong()).isGreaterThanOrEqualTo(0);

            JsonNode stats = onB.next(m -> eventOn(m, "stats:global")
                    && m.path("data").path("wallet").asText().equals(wallet.wallet.base58()), "stats event");
            assertThat(stats.path("event").asText()).isEqualTo("stats.changed");
            assertThat(stats.path("data").path("cause").asText()).isEqualTo("player.joined");

            JsonNode same = onA.next(m -> eventOn(m, wallet.channel()), "player event on A");
            assertThat(same.toString()).isEqualTo(event.toString());
        }
    }

    @Test
    void reconnectingWithTheLastSeqReplaysExactlyTheMissedMessagesInOrder() {
        TestWallet wallet = new TestWallet();
        long last;
        try (WsClient observer = observer(b, wallet)) {
            try (WsClient first = WsClient.connect(a.port())) {
                first.authenticate(wallet);
                subscribe(first, wallet.channel(), null);
                a.accrue(wallet.wallet, 1);
                last = first.next(m -> eventOn(m, wallet.channel()), "first event").path("seq").asLong();
            }
            b.accrue(wallet.wallet, 2);
            a.accrue(wallet.wallet, 3);
            b.accrue(wallet.wallet, 4);
            events(observer, wallet.channel(), 4); // all four published
        }

        try (WsClient again = WsClient.connect(b.port())) {
            again.authenticate(wallet);
            again.subscribe(wallet.channel(), last);
            List<JsonNode> replayed = events(again, wallet.channel(), 3);
            assertThat(replayed).extracting(m -> m.path("seq").asLong()).containsExactly(last + 1, last + 2, last + 3);
            assertThat(replayed).extracting(m -> m.path("data").path("earningsAdded").asText()).containsExactly("2", "3", "4");
            assertThat(replayed).extracting(m -> m.path("event").asText()).containsOnly("earnings.accrued");
            JsonNode ack = again.next("subscribed");
            assertThat(ack.path("seq").asLong()).isEqualTo(last + 3);
            assertThat(ack.path("replayed").asInt()).isEqualTo(3);

            a.accrue(wallet.wallet, 5);
            JsonNode live = again.next(m -> eventOn(m, wallet.channel()), "live event");
            assertThat(live.path("seq").asLong()).isEqualTo(last + 4);
            assertThat(live.path("data").path("earningsAdded").asText()).isEqualTo("5");
            assertThat(again.drain(Duration.ofMillis(500))).noneMatch(m -> eventOn(m, wallet.channel()));
        }
    }

    @Test
    void aGapBeyondTheHistoryWindowAnswersResync() {
        TestWallet wallet = new TestWallet();
        long last;
        try (WsClient observer = observer(a, wallet)) {
            try (WsClient first = WsClient.connect(b.port())) {
                first.authenticate(wallet);
                last = subscribe(first, wallet.channel(), null);
            }
            for (int i = 1; i <= HISTORY + 3; i++) {
                (i % 2 == 0 ? a : b).accrue(wallet.wallet, i);
            }
            events(observer, wallet.channel(), HISTORY + 3);
        }
        try (WsClient again = WsClient.connect(a.port())) {
            again.authenticate(wallet);
            again.subscribe(wallet.channel(), last);
            JsonNode resync = again.nextAny();
            assertThat(resync.path("type").asText()).isEqualTo("resync");
            assertThat(resync.path("channel").asText()).isEqualTo(wallet.channel());
            assertThat(resync.path("seq").asLong()).isEqualTo(last + HISTORY + 3);
            assertThat(resync.path("position").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(resync.path("reason").asText()).isEqualTo("history_expired");

            b.accrue(wallet.wallet, 99);
            JsonNode live = again.next(m -> eventOn(m, wallet.channel()), "live event after resync");
            assertThat(live.path("seq").asLong()).isEqualTo(last + HISTORY + 4);
        }
    }

    @Test
    void aSeqTheServerNeverIssuedAnswersResync() {
        TestWallet wallet = new TestWallet();
        try (WsClient client = WsClient.connect(b.port())) {
            client.authenticate(wallet);
            long current = subscribe(client, wallet.channel(), null);
            client.subscribe(wallet.channel(), current + 1000);
            JsonNode resync = client.nextAny();
            assertThat(resync.path("type").asText()).isEqualTo("resync");
            assertThat(resync.path("reason").asText()).isEqualTo("unknown_seq");
            assertThat(resync.path("seq").asLong()).isEqualTo(current);
        }
    }

    @Test
    void aRedeliveredEventIsPublishedOnce() {
        PushStore store = a.context.getBean(PushStore.class);
        String eventId = UUID.randomUUID().toString();
        List<PushStore.Outgoing> messages = List.of(new PushStore.Outgoing("leaderboard:referrals",
                "{\"type\":\"event\",\"channel\":\"leaderboard:referrals\",\"seq\":", ",\"event\":\"test\"}"));
        assertThat(store.publish(eventId, 1, messages)).isEqualTo(1);
        long seq = store.resume("leaderboard:referrals", null).currentSeq();
        assertThat(store.publish(eventId, 1, messages)).isZero();
        assertThat(store.resume("leaderboard:referrals", null).currentSeq()).isEqualTo(seq);
    }
}
