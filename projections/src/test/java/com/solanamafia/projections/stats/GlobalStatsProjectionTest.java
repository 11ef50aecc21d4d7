package com.solanamafia.projections.stats;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.query.stats.FindGlobalStats;
import com.solanamafia.api.query.stats.GlobalStats;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.ReadModelDb;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;

import static com.solanamafia.projections.jooq.Tables.GLOBAL_STATS;
import static com.solanamafia.projections.jooq.Tables.STATS_WALLET;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.MINT_A;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class GlobalStatsProjectionTest {
    static ReadModelDb rm;
    GlobalStatsProjection projection;
    Feed feed;
    GlobalStatsQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("global_stats");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        projection = new GlobalStatsProjection(rm.db, rm.positions);
        feed = new Feed(projection);
        feed.reset();
        queries = new GlobalStatsQueries(rm.db, rm.positions);
    }

    static BusinessPurchased bought(Wallet who, long amount, long slotCost) {
        return new BusinessPurchased(who, fact("b", 1, null), 0, 0, 0, Lamports.of(amount), Lamports.of(slotCost),
                null, 200, null, UnixTime.UNSET);
    }

    Object[] game() {
        return new Object[]{
                new PlayerJoined(ALICE, fact("j", 1, null), Lamports.of(10), Instant.EPOCH, null),
                bought(ALICE, 1000, 100), bought(ALICE, 2000, 0),
                bought(BOB, 500, 0), // HEAD: registered by create_business, no PlayerCreated
                new BusinessSold(ALICE, fact("s", 1, null), 0, 0, Lamports.of(1000), BigInteger.ONE, 25, 0, 25,
                        Lamports.of(750), UnixTime.UNSET, false),
                new EarningsAccrued(BOB, fact("e", 1, null), Lamports.of(40), Lamports.of(40), UnixTime.UNSET, 1),
                new EarningsClaimed(BOB, fact("c", 1, null), Lamports.of(40), UnixTime.UNSET),
                new NftMinted(ALICE, fact("m", 1, null), MINT_A, 0, BigInteger.ONE, Lamports.of(1), 80, UnixTime.UNSET),
                new ChainDiscrepancyDetected(ALICE, fact("x", 1, null), "player-joined-twice", "twice"),
        };
    }

    static void assertTotals(GlobalStats stats) {
        assertThat(stats.players()).isEqualTo(2);
        assertThat(stats.businessesPurchased()).isEqualTo(3);
        assertThat(stats.businessesSold()).isEqualTo(1);
        assertThat(stats.activeBusinesses()).isEqualTo(2);
        assertThat(stats.totalInvestedLamports()).isEqualTo(Lamports.of(2500));
        assertThat(stats.lifetimeInvestedLamports()).isEqualTo(Lamports.of(3500));
        assertThat(stats.totalEntryFeesLamports()).isEqualTo(Lamports.of(10));
        assertThat(stats.totalSlotSpentLamports()).isEqualTo(Lamports.of(100));
        assertThat(stats.totalSellReturnsLamports()).isEqualTo(Lamports.of(750));
        assertThat(stats.totalEarningsAccruedLamports()).isEqualTo(Lamports.of(40));
        assertThat(stats.totalClaimedLamports()).isEqualTo(Lamports.of(40));
        assertThat(stats.nftsMinted()).isEqualTo(1);
        assertThat(stats.discrepancies()).isEqualTo(1);
    }

    @Test
    void totalsTheGame() {
        feed.send(game());
        assertTotals(queries.handle(new FindGlobalStats()).stats());
        assertThat(queries.handle(new FindGlobalStats()).readModelPosition()).isEqualTo(9);
    }

    @Test
    void zeroBeforeTheFirstEvent() {
        GlobalStats stats = queries.handle(new FindGlobalStats()).stats();
        assertThat(stats.players()).isZero();
        assertThat(stats.totalInvestedLamports()).isEqualTo(Lamports.ZERO);
    }

    @Test
    void aBatchWritesTheTotalsOnceWhenItCommits() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        feed.send(game());
        assertThat(rm.db.fetchCount(GLOBAL_STATS)).isZero();
        batch.commit();
        assertTotals(queries.handle(new FindGlobalStats()).stats());
        assertThat(rm.positions.positionOf(GlobalStatsProjection.NAME)).isEqualTo(9);
    }

    @Test
    void replayingEveryEventChangesNothing() {
        feed.send(game());
        String once = rm.snapshot(GLOBAL_STATS, STATS_WALLET);
        feed.replay();
        assertThat(rm.snapshot(GLOBAL_STATS, STATS_WALLET)).isEqualTo(once);
    }
}
