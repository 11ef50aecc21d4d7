package com.solanamafia.projections.leaderboard;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.query.leaderboard.FindLeaderboard;
import com.solanamafia.api.query.leaderboard.Leaderboard;
import com.solanamafia.api.query.leaderboard.LeaderboardEntry;
import com.solanamafia.api.query.leaderboard.LeaderboardKind;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_ENTRY;
import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_REFERRAL;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.CAROL;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardProjectionTest {
    static ReadModelDb rm;
    Feed feed;
    LeaderboardQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("leaderboards");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        feed = new Feed(new LeaderboardProjection(rm.db, rm.positions));
        feed.reset();
        queries = new LeaderboardQueries(rm.db, rm.positions);
    }

    static EarningsAccrued earned(com.solanamafia.api.chain.Wallet who, long amount) {
        return new EarningsAccrued(who, fact("e", 1, null), Lamports.of(amount), Lamports.of(amount), UnixTime.UNSET, 1);
    }

    static BusinessPurchased bought(com.solanamafia.api.chain.Wallet who, long amount) {
        return new BusinessPurchased(who, fact("b", 1, null), 0, 0, 0, Lamports.of(amount), Lamports.of(7), null, 200,
                null, UnixTime.UNSET);
    }

    void game() {
        feed.send(earned(ALICE, 100), earned(BOB, 300), earned(ALICE, 250), earned(CAROL, 350),
                bought(ALICE, 1000), bought(BOB, 500),
                new BusinessUpgraded(BOB, fact("u", 1, null), 0, 0, 1, Lamports.of(600), 200, null, null,
                        UnixTime.UNSET, false),
                new ReferralBonusCredited(CAROL, fact("r1", 1, null), ALICE, Lamports.of(5), 1, UnixTime.UNSET),
                new ReferralBonusCredited(CAROL, fact("r2", 1, null), ALICE, Lamports.of(5), 1, UnixTime.UNSET),
                new ReferralBonusCredited(BOB, fact("r3", 1, null), ALICE, Lamports.of(1), 1, UnixTime.UNSET),
                new ReferralBonusCredited(BOB, fact("r4", 1, null), CAROL, Lamports.of(1), 1, UnixTime.UNSET));
    }

    @Test
    void ranksEachBoard() {
        game();
        Leaderboard earnings = queries.handle(new FindLeaderboard(LeaderboardKind.EARNINGS, 10, null));
        // ALICE and CAROL tie at 350: the lower wallet text first
        assertThat(earnings.entries()).extracting(LeaderboardEntry::wallet).containsExactly(
                ALICE.base58().compareTo(CAROL.base58()) < 0 ? ALICE : CAROL,
                ALICE.base58().compareTo(CAROL.base58()) < 0 ? CAROL : ALICE, BOB);
        assertThat(earnings.entries()).extracting(LeaderboardEntry::rank).containsExactly(1L, 2L, 3L);

        Leaderboard invested = queries.handle(new FindLeaderboard(LeaderboardKind.INVESTED, 10, null));
        assertThat(invested.entries()).extracting(LeaderboardEntry::wallet).containsExactly(BOB, ALICE);
        assertThat(invested.entries().get(0).investedLamports()).isEqualTo(Lamports.of(1100));

        Leaderboard referrals = queries.handle(new FindLeaderboard(LeaderboardKind.REFERRALS, 10, null));
        assertThat(referrals.entries()).extracting(LeaderboardEntry::wallet).containsExactly(BOB, CAROL);
        assertThat(referrals.entries()).extracting(LeaderboardEntry::referralCount).containsExactly(2, 1);
        assertThat(referrals.entries().get(1).referralBonusLamports()).isEqualTo(Lamports.of(10));
    }

    @Test
    void pagesByRank() {
        game();
        Leaderboard first = queries.handle(new FindLeaderboard(LeaderboardKind.EARNINGS, 2, null));
        assertThat(first.nextCursor()).isEqualTo("2");
        Leaderboard second = queries.handle(new FindLeaderboard(LeaderboardKind.EARNINGS, 2, first.nextCursor()));
        assertThat(second.entries()).extracting(LeaderboardEntry::rank).containsExactly(3L);
        assertThat(second.entries().get(0).wallet()).isEqualTo(BOB);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void replayingEveryEventChangesNothing() {
        game();
        String once = rm.snapshot(LEADERBOARD_ENTRY, LEADERBOARD_REFERRAL);
        feed.replay();
        assertThat(rm.snapshot(LEADERBOARD_ENTRY, LEADERBOARD_REFERRAL)).isEqualTo(once);
    }
}
