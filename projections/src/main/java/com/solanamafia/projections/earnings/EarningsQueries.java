package com.solanamafia.projections.earnings;

import com.solanamafia.api.query.earnings.EarningsBucket;
import com.solanamafia.api.query.earnings.EarningsPeriod;
import com.solanamafia.api.query.earnings.EarningsSeries;
import com.solanamafia.api.query.earnings.FindEarnings;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.Lamport;
import com.solanamafia.projections.support.ProjectionPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static com.solanamafia.projections.jooq.Tables.EARNINGS_DAILY;

@Component
public class EarningsQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;
    private final KnownPlayers players;

    public EarningsQueries(DSLContext db, ProjectionPositions positions, KnownPlayers players) {
        this.db = db;
        this.positions = positions;
        this.players = players;
    }

    @QueryHandler
    public EarningsSeries handle(FindEarnings query) {
        long position = positions.positionOf(EarningsHistoryProjection.NAME);
        EarningsPeriod period = query.period() == null ? EarningsPeriod.DAILY : query.period();
        Field<LocalDate> start = switch (period) {
            case DAILY -> EARNINGS_DAILY.EARNED_ON;
            case WEEKLY -> truncate("week");
            case MONTHLY -> truncate("month");
        };
        Condition where = EARNINGS_DAILY.WALLET.eq(query.wallet().base58());
        if (query.from() != null) {
            where = where.and(EARNINGS_DAILY.EARNED_ON.ge(query.from()));
        }
        if (query.to() != null) {
            where = where.and(EARNINGS_DAILY.EARNED_ON.le(query.to()));
        }
        if (query.cursor() != null) {
            where = where.and(start.ge(LocalDate.parse(query.cursor())));
        }
        Field<BigInteger> accrued = DSL.sum(EARNINGS_DAILY.ACCRUED_LAMPORTS).cast(SQLDataType.DECIMAL_INTEGER(38));
        Field<BigInteger> claimed = DSL.sum(EARNINGS_DAILY.CLAIMED_LAMPORTS).cast(SQLDataType.DECIMAL_INTEGER(38));
        Field<Integer> accruals = DSL.sum(EARNINGS_DAILY.ACCRUAL_COUNT).cast(SQLDataType.INTEGER);
        Field<Integer> claims = DSL.sum(EARNINGS_DAILY.CLAIM_COUNT).cast(SQLDataType.INTEGER);
        List<Record5<LocalDate, BigInteger, BigInteger, Integer, Integer>> rows = db
                .select(start.as("period_start"), accrued, claimed, accruals, claims)
                .from(EARNINGS_DAILY)
                .where(where)
                .groupBy(start)
                .orderBy(start)
                .limit(query.limit() + 1)
                .fetch();
        boolean more = rows.size() > query.limit();
        List<EarningsBucket> buckets = rows.stream().limit(query.limit())
                .map(r -> new EarningsBucket(r.value1(), end(period, r.value1()), Lamport.orZero(r.value2()),
                        Lamport.orZero(r.value3()), r.value4(), r.value5()))
                .toList();
        String next = more ? rows.get(query.limit()).value1().toString() : null;
        boolean known = !buckets.isEmpty() || players.known(query.wallet());
        return new EarningsSeries(known, buckets, next, position);
    }

    private static Field<LocalDate> truncate(String unit) {
        return DSL.field("date_trunc('" + unit + "', {0})::date", SQLDataType.LOCALDATE, EARNINGS_DAILY.EARNED_ON);
    }

    static LocalDate end(EarningsPeriod period, LocalDate start) {
        return switch (period) {
            case DAILY -> start;
            case WEEKLY -> start.plusDays(6);
            case MONTHLY -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
