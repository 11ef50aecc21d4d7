package com.solanamafia.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.solanamafia.projections.activity.PlayerActivityProjection;
import com.solanamafia.projections.business.PlayerBusinessesProjection;
import com.solanamafia.projections.discrepancy.DiscrepancyProjection;
import com.solanamafia.projections.earnings.EarningsHistoryProjection;
import com.solanamafia.projections.leaderboard.LeaderboardProjection;
import com.solanamafia.projections.nft.NftProjection;
import com.solanamafia.projections.player.PlayerSummaryProjection;
import com.solanamafia.projections.stats.GlobalStatsProjection;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query API over real read models: domain events go into the PostgreSQL event store through the EventGateway,
 * the pooled processors build every read model, and the HTTP endpoints serve them. One Spring context and one
 * seeded game for the whole class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelApiTest {
    static final List<String> READ_MODELS = List.of(PlayerSummaryProjection.NAME, PlayerBusinessesProjection.NAME,
            NftProjection.NAME, EarningsHistoryProjection.NAME, PlayerActivityProjection.NAME,
            LeaderboardProjection.NAME, GlobalStatsProjection.NAME, DiscrepancyProjection.NAME);

    static final Wallet ALICE = wallet(11);
    static final Wallet BOB = wallet(12);
    static final Wallet CAROL = wallet(13);
    static final Wallet POISONED = wallet(14);
    static final Wallet MINT_A = wallet(21);
    static final Wallet MINT_B = wallet(22);
    static final Wallet UNKNOWN = wallet(99);
    static final String U64_MAX = "18446744073709551615";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestPostgres.freshDatabase("read_model_api").register(registry);
        TestRedis.register(registry);
        registry.add("solana-mafia.simulator.tps", () -> "0");
        registry.add("solana-mafia.simulator.history", () -> "0");
        registry.add("solana-mafia.earnings.enabled", () -> "false");
    }

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionPositions positions;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    int sequence;

    static Wallet wallet(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[0] = 7;
        return Wallet.ofBytes(key);
    }

    ChainFact fact(String blockTime) {
        sequence++;
        return new ChainFact(new ChainPosition("sig" + sequence, "0", 0), 1000 + sequence,
                blockTime == null ? null : Instant.parse(blockTime));
    }

    static Lamports sol(String amount) {
        return new Lamports(new java.math.BigDecimal(amount).movePointRight(9).toBigIntegerExact());
    }

    @BeforeAll
    void seedOneGame() {
        List<Object> game = new ArrayList<>(List.of(
                new PlayerJoined(ALICE, fact("2026-05-01T10:00:00Z"), new Lamports(new BigInteger(U64_MAX)),
                        Instant.parse("2026-05-01T10:00:00Z"), Instant.parse("2026-05-02T10:00:00Z")),
                new PlayerJoined(BOB, fact("2026-05-01T11:00:00Z"), Lamports.of(12_345_679),
                        Instant.parse("2026-05-01T11:00:00Z"), null),
                new NftMinted(ALICE, fact("2026-05-01T10:05:00Z"), MINT_A, 0, BigInteger.ONE, sol("0.1"), 80,
                        UnixTime.ofSeconds(1777629900)),
                new BusinessPurchased(ALICE, fact("2026-05-01T10:05:00Z"), 0, 0, 0, sol("0.1"), null, null, 80, MINT_A,
                        UnixTime.ofSeconds(1777629900)),
                new BusinessPurchased(ALICE, fact("2026-05-01T10:06:00Z"), 6, 2, 0, sol("2"), sol("1"), sol("3"), 160,
                        null, UnixTime.ofSeconds(1777629960)),
                new NftBurned(ALICE, fact("2026-05-01T12:00:00Z"), MINT_A, 0, BigInteger.ONE, UnixTime.ofSeconds(1)),
                new NftMinted(ALICE, fact("2026-05-01T12:00:00Z"), MINT_B, 0, BigInteger.TWO, sol("0.12"), 90,
                        UnixTime.ofSeconds(1)),
                new BusinessUpgraded(ALICE, fact("2026-05-01T12:00:00Z"), 0, 0, 1, sol("0.02"), 90, MINT_A, MINT_B,
                        UnixTime.ofSeconds(1), false),
                new BusinessPurchased(BOB, fact("2026-05-01T13:00:00Z"), 0, 5, 0, sol("50"), Lamports.ZERO, sol("50"),
                        100, null, UnixTime.ofSeconds(2))));
        String[] days = {"2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-11"};
        long pending = 0;
        for (String day : days) {
            pending += 5_000_000;
            game.add(new EarningsAccrued(ALICE, fact(day + "T10:00:00Z"), Lamports.of(5_000_000), Lamports.of(pending),
                    UnixTime.ofSeconds(Instant.parse(day + "T10:00:00Z").plusSeconds(86_400).getEpochSecond()), 2));
        }
        game.add(new EarningsAccrued(BOB, fact("2026-05-02T13:00:00Z"), sol("0.5"), sol("0.5"), UnixTime.UNSET, 1));
        game.add(new EarningsClaimed(ALICE, fact("2026-05-11T11:00:00Z"), Lamports.of(25_000_000), UnixTime.UNSET));
        game.add(new BusinessSold(ALICE, fact("2026-05-12T10:00:00Z"), 6, 2, sol("2"), BigInteger.valueOf(11), 20, 0,
                20, sol("1.6"), UnixTime.UNSET, false));
        game.add(new ReferralBonusCredited(CAROL, fact(null), ALICE, Lamports.of(1000), 1, UnixTime.UNSET));
        game.add(new ReferralBonusCredited(CAROL, fact(null), BOB, Lamports.of(2000), 1, UnixTime.UNSET));
        // one BusinessTransferred, as the command side records it: the NFT's, ALICE's and BOB's events
        ChainFact transfer = fact("2026-05-13T10:00:00Z");
        game.add(new NftTransferred(ALICE, BOB, transfer, MINT_B, UnixTime.UNSET));
        game.add(new BusinessHandedOver(ALICE, BOB, transfer, MINT_B, 0, UnixTime.UNSET));
        game.add(new BusinessTakenOver(BOB, ALICE, transfer, MINT_B, 1,
                new TransferredBusiness(0, 1, sol("0.1"), sol("0.12"), 90), UnixTime.UNSET));
        game.add(new ChainDiscrepancyDetected(ALICE, fact(null), "player-joined-twice", "PlayerCreated again"));
        // a poison event for the discrepancies read model (its rule does not fit the column): it must land in the
        // dead-letter queue while the events after it are still applied
        game.add(new ChainDiscrepancyDetected(POISONED, fact(null), "x".repeat(300), "poison"));
        // a valid event of the same wallet after it waits behind the poison, in the same dead-letter sequence
        game.add(new ChainDiscrepancyDetected(POISONED, fact(null), "unknown-slot", "after the poison"));
        game.add(new ChainDiscrepancyDetected(BOB, fact(null), "unknown-slot", "sold an empty slot"));
        events.publish(game);

        long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String readModel : READ_MODELS) {
                assertThat(positions.positionOf(readModel)).as(readModel).isGreaterThanOrEqualTo(last);
            }
        });
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Read-Model-Position")).as(path)
                .hasValueSatisfying(p -> assertThat(Long.parseLong(p)).isPositive());
        return json.readTree(response.body());
    }

    JsonNode problem(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotEmpty();
        return body;
    }

    @Test
    void playerSummary() throws Exception {
        JsonNode alice = ok("/api/v1/players/" + ALICE);
        assertThat(alice.path("wallet").asText()).isEqualTo(ALICE.base58());
        assertThat(alice.path("joinedAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(alice.path("entryFeeLamports").isTextual()).isTrue();
        assertThat(alice.path("entryFeeLamports").asText()).isEqualTo(U64_MAX);
        assertThat(alice.path("pendingEarningsLamports").asText()).isEqualTo("0");
        assertThat(alice.path("totalEarningsAccruedLamports").asText()).isEqualTo("25000000");
        assertThat(alice.path("totalClaimedLamports").asText()).isEqualTo("25000000");
        assertThat(alice.path("totalInvestedLamports").asText()).isEqualTo("120000000");
        assertThat(alice.path("lifetimeInvestedLamports").asText()).isEqualTo("2120000000");
        assertThat(alice.path("activeBusinessCount").asInt()).isZero();
        assertThat(alice.path("nextEarningsAt").asText()).isEqualTo("2026-05-12T10:00:00Z");

        JsonNode bob = ok("/api/v1/players/" + BOB);
        assertThat(bob.path("pendingEarningsLamports").asText()).isEqualTo("500000000");
        assertThat(bob.path("activeBusinessCount").asInt()).isEqualTo(2);
        JsonNode carol = ok("/api/v1/players/" + CAROL);
        assertThat(carol.path("joined").asBoolean()).isFalse();
        assertThat(carol.path("referralBonusLamports").asText()).isEqualTo("3000");
        assertThat(carol.path("referralBonusCount").asInt()).isEqualTo(2);
    }

    @Test
    void businessesAreOccupiedSlotsInAListEnvelope() throws Exception {
        JsonNode bob = ok("/api/v1/players/" + BOB + "/businesses");
        assertThat(bob.path("page").path("limit").asInt()).isEqualTo(50);
        assertThat(bob.path("page").path("nextCursor").isNull()).isTrue();
        JsonNode data = bob.path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("slotIndex").asInt()).isZero();
        assertThat(data.get(0).path("businessType").asText()).isEqualTo("CharityFund");
        assertThat(data.get(0).path("investedLamports").asText()).isEqualTo("50000000000");
        assertThat(data.get(0).path("dailyRateBp").asInt()).isEqualTo(100);
        assertThat(data.get(0).path("since").asText()).isEqualTo("2026-05-01T13:00:00Z");
        // ALICE's upgraded TobaccoShop moved into BOB's lowest free slot with its NFT
        assertThat(data.get(1).path("slotIndex").asInt()).isEqualTo(1);
        assertThat(data.get(1).path("businessType").asText()).isEqualTo("TobaccoShop");
        assertThat(data.get(1).path("level").asInt()).isEqualTo(1);
        assertThat(data.get(1).path("nftMint").asText()).isEqualTo(MINT_B.base58());

        JsonNode alice = ok("/api/v1/players/" + ALICE + "/businesses?limit=1");
        assertThat(alice.path("data")).isEmpty();
        JsonNode page1 = ok("/api/v1/players/" + BOB + "/businesses?limit=1");
        assertThat(page1.path("data")).hasSize(1);
        String cursor = page1.path("page").path("nextCursor").asText();
        JsonNode page2 = ok("/api/v1/players/" + BOB + "/businesses?limit=1&cursor=" + cursor);
        assertThat(page2.path("data").get(0).path("slotIndex").asInt()).isEqualTo(1);
        assertThat(page2.path("page").path("nextCursor").isNull()).isTrue();
    }

    @Test
    void nfts() throws Exception {
        JsonNode b = ok("/api/v1/nfts/" + MINT_B);
        assertThat(b.path("owner").asText()).isEqualTo(BOB.base58());
        assertThat(b.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(b.path("level").asInt()).isEqualTo(1);
        assertThat(b.path("serialNumber").asText()).isEqualTo("2");
        assertThat(b.path("history")).hasSize(2);
        assertThat(b.path("history").get(1).path("kind").asText()).isEqualTo("TRANSFERRED");
        JsonNode a = ok("/api/v1/nfts/" + MINT_A);
        assertThat(a.path("status").asText()).isEqualTo("BURNED");
        JsonNode alice = ok("/api/v1/players/" + ALICE + "/nfts");
        assertThat(alice.path("data")).hasSize(1);
        assertThat(alice.path("data").get(0).has("history")).isFalse();
        problem("/api/v1/nfts/" + UNKNOWN, 404);
        problem("/api/v1/nfts/not-a-mint", 400);
    }

    @Test
    void earningsPerPeriod() throws Exception {
        JsonNode daily = ok("/api/v1/players/" + ALICE + "/earnings");
        assertThat(daily.path("data")).hasSize(5);
        assertThat(daily.path("data").get(0).path("periodStart").asText()).isEqualTo("2026-05-02");
        assertThat(daily.path("data").get(0).path("accruedLamports").asText()).isEqualTo("5000000");
        JsonNode weekly = ok("/api/v1/players/" + ALICE + "/earnings?period=weekly&from=2026-05-01&to=2026-05-31");
        // ISO weeks: Apr 27 (May 2, 3), May 4 (May 4, 5), May 11 (accrual and claim)
        assertThat(weekly.path("data")).hasSize(3);
        assertThat(weekly.path("data").get(0).path("periodStart").asText()).isEqualTo("2026-04-27");
        assertThat(weekly.path("data").get(0).path("periodEnd").asText()).isEqualTo("2026-05-03");
        assertThat(weekly.path("data").get(0).path("accruedLamports").asText()).isEqualTo("10000000");
        assertThat(weekly.path("data").get(1).path("accruedLamports").asText()).isEqualTo("10000000");
        assertThat(weekly.path("data").get(2).path("accruedLamports").asText()).isEqualTo("5000000");
        assertThat(weekly.path("data").get(2).path("claimedLamports").asText()).isEqualTo("25000000");
        assertThat(weekly.path("data").get(2).path("claims").asInt()).isEqualTo(1);
        JsonNode monthly = ok("/api/v1/players/" + ALICE + "/earnings?period=monthly");
        assertThat(monthly.path("data")).hasSize(1);
        assertThat(monthly.path("data").get(0).path("periodEnd").asText()).isEqualTo("2026-05-31");
        JsonNode within = ok("/api/v1/players/" + ALICE + "/earnings?from=2026-05-03&to=2026-05-04");
        assertThat(within.path("data")).hasSize(2);

        problem("/api/v1/players/" + ALICE + "/earnings?period=yearly", 400);
        problem("/api/v1/players/" + ALICE + "/earnings?from=yesterday", 400);
        problem("/api/v1/players/" + ALICE + "/earnings?from=2026-06-01&to=2026-05-01", 400);
        problem("/api/v1/players/" + ALICE + "/earnings?cursor=notadate", 400);
    }

    @Test
    void activityIsNewestFirstWithCursorPages() throws Exception {
        JsonNode all = ok("/api/v1/players/" + ALICE + "/activity?limit=1000");
        List<String> types = new ArrayList<>();
        all.path("data").forEach(item -> types.add(item.path("type").asText()));
        assertThat(types).first().isEqualTo("ChainDiscrepancyDetected");
        assertThat(types).last().isEqualTo("PlayerJoined");
        assertThat(types).contains("BusinessPurchased", "EarningsAccrued", "EarningsClaimed", "NftTransferred",
                "ReferralBonusCredited", "BusinessSold");
        int total = types.size();

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok("/api/v1/players/" + ALICE + "/activity?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("data").forEach(item -> seen.add(item.path("eventPosition").asLong()));
            cursor = page.path("page").path("nextCursor").isNull() ? null : page.path("page").path("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(total).isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();

        JsonNode purchase = all.path("data").findParents("type").stream()
                .filter(i -> i.path("type").asText().equals("BusinessPurchased")).findFirst().orElseThrow();
        assertThat(purchase.path("details").path("baseCost").isTextual()).isTrue();
        assertThat(purchase.path("signature").asText()).startsWith("sig");
    }

    @Test
    void leaderboards() throws Exception {
        JsonNode earnings = ok("/api/v1/leaderboards/earnings");
        assertThat(earnings.path("data").get(0).path("wallet").asText()).isEqualTo(BOB.base58());
        assertThat(earnings.path("data").get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(earnings.path("data").get(1).path("wallet").asText()).isEqualTo(ALICE.base58());
        assertThat(earnings.path("page").path("limit").asInt()).isEqualTo(100);
        JsonNode invested = ok("/api/v1/leaderboards/invested?limit=1");
        assertThat(invested.path("data")).hasSize(1);
        assertThat(invested.path("data").get(0).path("investedLamports").asText()).isEqualTo("50000000000");
        assertThat(invested.path("page").path("nextCursor").asText()).isEqualTo("1");
        JsonNode second = ok("/api/v1/leaderboards/invested?limit=1&cursor=1");
        assertThat(second.path("data").get(0).path("rank").asInt()).isEqualTo(2);
        JsonNode referrals = ok("/api/v1/leaderboards/referrals");
        assertThat(referrals.path("data").get(0).path("wallet").asText()).isEqualTo(CAROL.base58());
        assertThat(referrals.path("data").get(0).path("referralCount").asInt()).isEqualTo(2);
        problem("/api/v1/leaderboards/prestige", 404);
    }

    @Test
    void globalStats() throws Exception {
        JsonNode stats = ok("/api/v1/stats/global");
        assertThat(stats.path("players").asLong()).isEqualTo(2);
        assertThat(stats.path("businessesPurchased").asLong()).isEqualTo(3);
        assertThat(stats.path("businessesSold").asLong()).isEqualTo(1);
        assertThat(stats.path("activeBusinesses").asLong()).isEqualTo(2);
        assertThat(stats.path("totalEarningsAccruedLamports").asText()).isEqualTo("525000000");
        assertThat(stats.path("totalClaimedLamports").asText()).isEqualTo("25000000");
        assertThat(stats.path("totalEntryFeesLamports").asText())
                .isEqualTo(new BigInteger(U64_MAX).add(BigInteger.valueOf(12_345_679)).toString());
        assertThat(stats.path("nftsMinted").asLong()).isEqualTo(2);
        assertThat(stats.path("nftsBurned").asLong()).isEqualTo(1);
        assertThat(stats.path("discrepancies").asLong()).isEqualTo(4); // the stats read model counts the two of the poisoned wallet too
    }

    @Test
    void discrepanciesAndThePoisonEventInTheDeadLetterQueue() throws Exception {
        JsonNode all = ok("/api/v1/discrepancies");
        assertThat(all.path("data")).hasSize(2);
        assertThat(all.path("data").get(0).path("rule").asText()).isEqualTo("unknown-slot");
        assertThat(all.path("data").get(1).path("rule").asText()).isEqualTo("player-joined-twice");
        JsonNode bob = ok("/api/v1/discrepancies?wallet=" + BOB + "&rule=unknown-slot");
        assertThat(bob.path("data")).hasSize(1);
        problem("/api/v1/discrepancies?rule=Not%20A%20Rule", 400);
        problem("/api/v1/discrepancies?wallet=abc", 400);

        List<String> dead = jdbc.queryForList("SELECT processing_group FROM event_store.dead_letter_entry "
                + "WHERE sequence_identifier = ? ORDER BY sequence_index", String.class, POISONED.base58());
        assertThat(dead).containsExactly(DiscrepancyProjection.NAME, DiscrepancyProjection.NAME);
        assertThat(ok("/api/v1/discrepancies?wallet=" + POISONED).path("data")).isEmpty();
    }

    /**
     * A player's 200 is answered without Spring MVC ({@code DirectPlayerReads}, with a Content-Length) exactly as the
     * controller answers it (chunked): a CORS request (Origin) goes to the controller, as do HEAD, an Accept header
     * JSON does not satisfy, and every error.
     */
    @Test
    void aPlayerAnsweredDirectlyIsTheControllersAnswer() throws Exception {
        for (Wallet wallet : List.of(ALICE, BOB, CAROL)) {
            URI uri = URI.create("http://localhost:" + port + "/api/v1/players/" + wallet);
            HttpResponse<String> direct = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> controller = http.send(HttpRequest.newBuilder(uri).header("Origin",
                    "https://dashboard.example").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(direct.statusCode()).isEqualTo(200);
            assertThat(direct.headers().firstValue("Content-Length")).hasValue(
                    Integer.toString(direct.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            assertThat(controller.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
            assertThat(direct.body()).isEqualTo(controller.body());
            assertThat(headersBut(direct)).isEqualTo(headersBut(controller));
        }
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/players/" + ALICE)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(406);
        HttpResponse<String> anyJson = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/players/" + ALICE)).header("Accept", "text/html, application/*;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anyJson.statusCode()).isEqualTo(200);
        assertThat(anyJson.headers().firstValue("Content-Length")).isPresent();
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/players/" + ALICE)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Read-Model-Position")).isPresent();
    }

    /** The headers but those that differ between two answers of the same content (date, framing, rate budget). */
    static java.util.Map<String, List<String>> headersBut(HttpResponse<String> response) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        List.of("date", "content-length", "transfer-encoding", "x-ratelimit-remaining").forEach(headers::remove);
        return headers;
    }

    @Test
    void clientMistakesAreProblemsNeverServerErrors() throws Exception {
        String player = "/api/v1/players/" + ALICE;
        for (String path : List.of(player + "/activity?limit=0", player + "/activity?limit=1001",
                player + "/activity?limit=abc", player + "/activity?limit=99999999999", player + "/activity?cursor=-5",
                player + "/activity?cursor=abc", player + "/businesses?limit=-1", player + "/nfts?cursor=x",
                "/api/v1/leaderboards/earnings?limit=0", "/api/v1/discrepancies?limit=5000",
                "/api/v1/players/not-a-wallet", "/api/v1/players/0OIl/businesses",
                "/api/v1/players/" + "1".repeat(60) + "/earnings")) {
            JsonNode body = problem(path, 400);
            assertThat(body.path("detail").asText()).as(path).isNotEmpty();
        }
        assertThat(problem(player + "/activity?limit=abc", 400).path("detail").asText()).contains("limit");
        problem("/api/v1/no-such-resource", 404);

        HttpResponse<String> unknown = get("/api/v1/players/" + UNKNOWN + "/activity");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-Read-Model-Position")).isPresent();
        for (String resource : List.of("", "/businesses", "/nfts", "/earnings", "/activity")) {
            problem("/api/v1/players/" + UNKNOWN + resource, 404);
        }
    }

    @Test
    void openApiDescribesEveryResource() throws Exception {
        HttpResponse<String> docs = get("/docs/openapi.json");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).path("paths");
        for (String path : List.of("/api/v1/players/{wallet}", "/api/v1/players/{wallet}/businesses",
                "/api/v1/players/{wallet}/nfts", "/api/v1/nfts/{mint}", "/api/v1/players/{wallet}/earnings",
                "/api/v1/players/{wallet}/activity", "/api/v1/leaderboards/{board}", "/api/v1/stats/global",
                "/api/v1/discrepancies")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
