package com.solanamafia.projections.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.query.activity.ActivityItem;
import com.solanamafia.api.query.activity.ActivityPage;
import com.solanamafia.api.query.activity.FindActivity;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static com.solanamafia.projections.jooq.Tables.ACTIVITY;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.MINT_A;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class PlayerActivityProjectionTest {
    static ReadModelDb rm;
    Feed feed;
    PlayerActivityQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("activity");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        feed = new Feed(new PlayerActivityProjection(rm.db, rm.positions));
        feed.reset();
        queries = new PlayerActivityQueries(rm.db, rm.positions, new KnownPlayers(rm.db));
    }

    void history() {
        feed.send(
                new PlayerJoined(ALICE, fact("j", 1, "2026-05-01T10:00:00Z"), Lamports.of(1),
                        Instant.parse("2026-05-01T10:00:00Z"), null),
                new BusinessPurchased(ALICE, fact("p", 2, null), 0, 0, 0, new Lamports(Lamports.U64_MAX), null, null,
                        200, null, UnixTime.ofSeconds(5)),
                new EarningsAccrued(ALICE, fact("e", 3, null), Lamports.of(10), Lamports.of(10), UnixTime.UNSET, 1),
                new NftTransferred(ALICE, BOB, fact("t", 4, null), MINT_A, UnixTime.ofSeconds(6)),
                new ReferralBonusCredited(BOB, fact("r", 5, null), ALICE, Lamports.of(3), 1, UnixTime.ofSeconds(7)),
                new ChainDiscrepancyDetected(ALICE, fact("j", 6, null), "player-joined-twice", "again"));
    }

    @Test
    void everyEventAboutThePlayerNewestFirst() throws Exception {
        history();
        ActivityPage page = queries.handle(new FindActivity(ALICE, 50, null));
        assertThat(page.items()).extracting(ActivityItem::type).containsExactly("ChainDiscrepancyDetected",
                "ReferralBonusCredited", "NftTransferred", "EarningsAccrued", "BusinessPurchased", "PlayerJoined");
        assertThat(queries.handle(new FindActivity(BOB, 50, null)).items()).extracting(ActivityItem::type)
                .containsExactly("ReferralBonusCredited", "NftTransferred");
        ActivityItem purchase = page.items().get(4);
        assertThat(purchase.signature()).isEqualTo("p");
        JsonNode details = new ObjectMapper().readTree(purchase.details());
        assertThat(details.path("baseCost").asText()).isEqualTo("18446744073709551615");
        assertThat(details.path("baseCost").isTextual()).isTrue();
        assertThat(details.has("fact")).isFalse();
        assertThat(page.items().get(5).blockTime()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(page.items().get(5).recordedAt()).isEqualTo(Feed.RECORDED);
    }

    @Test
    void detailsAreTheEventsOwnFieldsInOrderWithoutTheFact() throws Exception {
        ObjectMapper plain = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        for (com.solanamafia.api.chain.ChainFactEvent event : List.of(
                new PlayerJoined(ALICE, fact("j", 1, "2026-05-01T10:00:00Z"), Lamports.of(1),
                        Instant.parse("2026-05-01T10:00:00Z"), null),
                new BusinessPurchased(ALICE, fact("p", 2, null), 0, 0, 0, new Lamports(Lamports.U64_MAX), null, null,
                        200, null, UnixTime.ofSeconds(5)),
                new NftTransferred(ALICE, BOB, fact("t", 4, null), MINT_A, UnixTime.ofSeconds(6)),
                new EarningsAccrued(ALICE, fact("e", 5, null), Lamports.of(0), new Lamports(Lamports.U64_MAX),
                        UnixTime.UNSET, 3))) {
            com.fasterxml.jackson.databind.node.ObjectNode expected = plain.valueToTree(event);
            expected.remove("fact");
            assertThat(PlayerActivityProjection.details(event).data()).isEqualTo(plain.writeValueAsString(expected));
        }
    }

    @Test
    void cursorPagesAreStableWhileNewEventsArrive() {
        history();
        ActivityPage first = queries.handle(new FindActivity(ALICE, 4, null));
        assertThat(first.items()).extracting(ActivityItem::eventPosition).containsExactly(6L, 5L, 4L, 3L);
        feed.send(new EarningsAccrued(ALICE, fact("e2", 7, null), Lamports.of(1), Lamports.of(11), UnixTime.UNSET, 1));
        ActivityPage second = queries.handle(new FindActivity(ALICE, 4, first.nextCursor()));
        assertThat(second.items()).extracting(ActivityItem::eventPosition).containsExactly(2L, 1L);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void replayingEveryEventChangesNothing() {
        history();
        String once = rm.snapshot(ACTIVITY);
        feed.replay();
        assertThat(rm.snapshot(ACTIVITY)).isEqualTo(once);
        assertThat(rm.db.fetchCount(ACTIVITY)).isEqualTo(8);
    }
}
