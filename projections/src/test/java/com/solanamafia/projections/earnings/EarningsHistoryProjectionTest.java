package com.solanamafia.projections.earnings;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.query.earnings.EarningsBucket;
import com.solanamafia.api.query.earnings.EarningsPeriod;
import com.solanamafia.api.query.earnings.EarningsSeries;
import com.solanamafia.api.query.earnings.FindEarnings;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.solanamafia.projections.jooq.Tables.EARNINGS_DAILY;
import static com.solanamafia.projections.jooq.Tables.EARNINGS_ENTRY;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class EarningsHistoryProjectionTest {
    static ReadModelDb rm;
    Feed feed;
    EarningsQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("earnings");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        feed = new Feed(new EarningsHistoryProjection(rm.db, rm.positions));
        feed.reset();
        queries = new EarningsQueries(rm.db, rm.positions, new KnownPlayers(rm.db));
    }

    static EarningsAccrued accrued(String day, long added, long pending) {
        return new EarningsAccrued(ALICE, fact("a" + day + added, 1, day + "T10:00:00Z"), Lamports.of(added),
                Lamports.of(pending), UnixTime.UNSET, 1);
    }

    void month() {
        feed.send(accrued("2026-04-30", 100, 100), accrued("2026-05-01", 200, 300), accrued("2026-05-01", 50, 350),
                new EarningsClaimed(ALICE, fact("c1", 2, "2026-05-01T12:00:00Z"), Lamports.of(350), UnixTime.UNSET),
                accrued("2026-05-04", 400, 400), accrued("2026-05-11", 500, 900),
                // no block time: the claim's own timestamp decides the day
                new EarningsClaimed(ALICE, fact("c2", 3, null), Lamports.of(900),
                        UnixTime.ofSeconds(LocalDate.parse("2026-05-12").toEpochDay() * 86_400 + 5)));
    }

    @Test
    void sumsPerDay() {
        month();
        EarningsSeries daily = queries.handle(new FindEarnings(ALICE, EarningsPeriod.DAILY, null, null, 100, null));
        assertThat(daily.playerKnown()).isTrue();
        assertThat(daily.buckets()).extracting(EarningsBucket::periodStart).containsExactly(
                LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-04"),
                LocalDate.parse("2026-05-11"), LocalDate.parse("2026-05-12"));
        EarningsBucket may1 = daily.buckets().get(1);
        assertThat(may1.accruedLamports()).isEqualTo(Lamports.of(250));
        assertThat(may1.claimedLamports()).isEqualTo(Lamports.of(350));
        assertThat(may1.accruals()).isEqualTo(2);
        assertThat(may1.claims()).isEqualTo(1);
        assertThat(rm.db.fetchCount(EARNINGS_ENTRY)).isEqualTo(7);
    }

    @Test
    void sumsPerIsoWeekAndMonthWithinDates() {
        month();
        EarningsSeries weekly = queries.handle(new FindEarnings(ALICE, EarningsPeriod.WEEKLY,
                LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-31"), 100, null));
        // 2026-04-27 (Mon) week holds May 1 only (Apr 30 is before from); then weeks of May 4 and May 11
        assertThat(weekly.buckets()).extracting(EarningsBucket::periodStart).containsExactly(
                LocalDate.parse("2026-04-27"), LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-11"));
        assertThat(weekly.buckets().get(0).accruedLamports()).isEqualTo(Lamports.of(250));
        assertThat(weekly.buckets().get(0).periodEnd()).isEqualTo(LocalDate.parse("2026-05-03"));
        assertThat(weekly.buckets().get(2).claimedLamports()).isEqualTo(Lamports.of(900));

        EarningsSeries monthly = queries.handle(new FindEarnings(ALICE, EarningsPeriod.MONTHLY, null, null, 100, null));
        assertThat(monthly.buckets()).extracting(EarningsBucket::periodStart)
                .containsExactly(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-05-01"));
        assertThat(monthly.buckets().get(1).accruedLamports()).isEqualTo(Lamports.of(1150));
        assertThat(monthly.buckets().get(1).claimedLamports()).isEqualTo(Lamports.of(1250));
        assertThat(monthly.buckets().get(1).periodEnd()).isEqualTo(LocalDate.parse("2026-05-31"));
    }

    @Test
    void pages() {
        month();
        EarningsSeries first = queries.handle(new FindEarnings(ALICE, EarningsPeriod.DAILY, null, null, 2, null));
        assertThat(first.buckets()).hasSize(2);
        assertThat(first.nextCursor()).isEqualTo("2026-05-04");
        EarningsSeries rest = queries.handle(new FindEarnings(ALICE, EarningsPeriod.DAILY, null, null, 10,
                first.nextCursor()));
        assertThat(rest.buckets()).hasSize(3);
        assertThat(rest.nextCursor()).isNull();
    }

    @Test
    void replayingEveryEventChangesNothing() {
        month();
        String once = rm.snapshot(EARNINGS_ENTRY, EARNINGS_DAILY);
        feed.replay();
        assertThat(rm.snapshot(EARNINGS_ENTRY, EARNINGS_DAILY)).isEqualTo(once);
    }
}
