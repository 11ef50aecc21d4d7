package com.solanamafia.projections.player;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.query.player.FindPlayer;
import com.solanamafia.api.query.player.PlayerAnswer;
import com.solanamafia.api.query.player.PlayerView;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;

import static com.solanamafia.projections.jooq.Tables.PLAYER;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.CAROL;
import static com.solanamafia.projections.support.ReadModelDb.MINT_A;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class PlayerSummaryProjectionTest {
    static ReadModelDb rm;
    PlayerSummaryProjection projection;
    PlayerSummaryQueries queries;
    Feed feed;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("player_summary");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        projection = new PlayerSummaryProjection(rm.db, rm.positions);
        queries = new PlayerSummaryQueries(rm.db);
        feed = new Feed(projection);
        feed.reset();
    }

    static Lamports sol(String amount) {
        return new Lamports(new java.math.BigDecimal(amount).movePointRight(9).toBigIntegerExact());
    }

    void playOneGame() {
        feed.send(
                new PlayerJoined(ALICE, fact("s1", 10, "2026-05-01T10:00:00Z"), Lamports.of(12_345_679),
                        Instant.parse("2026-05-01T10:00:00Z"), Instant.parse("2026-05-02T10:00:00Z")),
                new BusinessPurchased(ALICE, fact("s2", 11, "2026-05-01T10:05:00Z"), 0, 0, 0, sol("0.1"),
                        Lamports.ZERO, sol("0.1"), 200, null, UnixTime.ofSeconds(1777629900)),
                new BusinessPurchased(ALICE, fact("s3", 12, "2026-05-01T10:06:00Z"), 6, 2, 0, sol("2"),
                        sol("1"), sol("3"), 160, null, UnixTime.ofSeconds(1777629960)),
                new BusinessUpgraded(ALICE, fact("s4", 13, null), 0, 0, 1, sol("0.02"), 200, null, null,
                        UnixTime.ofSeconds(1777630000), false),
                new EarningsAccrued(ALICE, fact("s5", 20, "2026-05-02T10:00:00Z"), Lamports.of(5_000_000),
                        Lamports.of(5_000_000), UnixTime.ofSeconds(1777802400), 2),
                new EarningsAccrued(ALICE, fact("s6", 30, "2026-05-03T10:00:00Z"), Lamports.of(7_000_000),
                        Lamports.of(12_000_000), UnixTime.ofSeconds(1777888800), 2),
                new EarningsClaimed(ALICE, fact("s7", 31, "2026-05-03T11:00:00Z"), Lamports.of(12_000_000),
                        UnixTime.ofSeconds(1777806000)),
                new BusinessSold(ALICE, fact("s8", 40, "2026-05-04T10:00:00Z"), 6, 2, sol("2"), BigInteger.valueOf(3),
                        25, 0, 25, sol("1.5"), UnixTime.ofSeconds(1777888800), false),
                new ReferralBonusCredited(ALICE, fact("s9", 41, null), BOB, Lamports.of(1000), 1,
                        UnixTime.ofSeconds(1777888900)),
                new ReferralBonusCredited(ALICE, fact("s10", 42, null), CAROL, Lamports.of(500), 1,
                        UnixTime.ofSeconds(1777888901)),
                new NftTransferred(ALICE, BOB, fact("s11", 43, null), MINT_A, UnixTime.ofSeconds(1777888902)),
                new BusinessHandedOver(ALICE, BOB, fact("s11", 43, null), MINT_A, 0, UnixTime.ofSeconds(1777888902)),
                new BusinessTakenOver(BOB, ALICE, fact("s11", 43, null), MINT_A, 1,
                        new TransferredBusiness(0, 0, sol("0.1"), sol("0.1"), 80), UnixTime.ofSeconds(1777888902)));
    }

    @Test
    void summarisesAPlayersGame() {
        playOneGame();
        PlayerView alice = queries.handle(new FindPlayer(ALICE)).player();
        assertThat(alice.joined()).isTrue();
        assertThat(alice.joinedAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(alice.entryFeeLamports()).isEqualTo(Lamports.of(12_345_679));
        assertThat(alice.pendingEarningsLamports()).isEqualTo(Lamports.ZERO);
        assertThat(alice.totalEarningsAccruedLamports()).isEqualTo(Lamports.of(12_000_000));
        assertThat(alice.totalClaimedLamports()).isEqualTo(Lamports.of(12_000_000));
        assertThat(alice.nextEarningsAt()).isEqualTo(Instant.ofEpochSecond(1777888800));
        // 0.1 + 2 deposits + 0.02 upgrade - 2 (the sold business's value); slot costs are not investment
        assertThat(alice.totalInvestedLamports()).isEqualTo(sol("0.12"));
        assertThat(alice.lifetimeInvestedLamports()).isEqualTo(sol("2.12"));
        assertThat(alice.totalSlotSpentLamports()).isEqualTo(sol("1"));
        assertThat(alice.totalSellReturnsLamports()).isEqualTo(sol("1.5"));
        assertThat(alice.activeBusinessCount()).isZero(); // 2 bought, 1 sold, 1 moved to BOB's slot
        assertThat(alice.referralBonusLamports()).isEqualTo(Lamports.of(1500));
        assertThat(alice.referralBonusCount()).isEqualTo(2);
        assertThat(alice.eventPosition()).isEqualTo(12);

        PlayerView bob = queries.handle(new FindPlayer(BOB)).player();
        assertThat(bob.joined()).isFalse();
        assertThat(bob.activeBusinessCount()).isEqualTo(1);
        assertThat(queries.handle(new FindPlayer(CAROL)).player()).isNull();
        assertThat(queries.handle(new FindPlayer(ALICE)).readModelPosition()).isEqualTo(13);
    }

    @Test
    void pendingIsTheLatestTotalPendingUntilAClaim() {
        feed.send(new EarningsAccrued(ALICE, fact("a", 1, null), Lamports.of(10), Lamports.of(10), UnixTime.UNSET, 1),
                new EarningsAccrued(ALICE, fact("b", 2, null), Lamports.of(10), Lamports.of(20), UnixTime.UNSET, 1));
        assertThat(queries.handle(new FindPlayer(ALICE)).player().pendingEarningsLamports()).isEqualTo(Lamports.of(20));
        feed.send(new EarningsClaimed(ALICE, fact("c", 3, null), Lamports.of(20), UnixTime.UNSET));
        assertThat(queries.handle(new FindPlayer(ALICE)).player().pendingEarningsLamports()).isEqualTo(Lamports.ZERO);
    }

    @Test
    void sumsBeyondU64AreExact() {
        Lamports max = new Lamports(Lamports.U64_MAX);
        feed.send(new EarningsAccrued(ALICE, fact("a", 1, null), max, max, UnixTime.UNSET, 1),
                new EarningsAccrued(ALICE, fact("b", 2, null), max, max, UnixTime.UNSET, 1));
        assertThat(queries.handle(new FindPlayer(ALICE)).player().totalEarningsAccruedLamports().value())
                .isEqualTo(Lamports.U64_MAX.shiftLeft(1));
    }

    @Test
    void replayingEveryEventChangesNothing() {
        playOneGame();
        String once = rm.snapshot(PLAYER);
        feed.replay();
        assertThat(rm.snapshot(PLAYER)).isEqualTo(once);
    }

    @Test
    void resetEmptiesTheReadModel() {
        playOneGame();
        feed.reset();
        assertThat(rm.db.fetchCount(PLAYER)).isZero();
        assertThat(rm.positions.positionOf(PlayerSummaryProjection.NAME)).isEqualTo(-1);
        assertThat(queries.handle(new FindPlayer(ALICE))).isEqualTo(new PlayerAnswer(null, -1));
    }
}
