package com.solanamafia.projections.stats;

import com.solanamafia.api.query.stats.FindGlobalStats;
import com.solanamafia.api.query.stats.GlobalStats;
import com.solanamafia.api.query.stats.GlobalStatsAnswer;
import com.solanamafia.projections.jooq.tables.records.GlobalStatsRecord;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import static com.solanamafia.projections.jooq.Tables.GLOBAL_STATS;
import static com.solanamafia.projections.support.Lamport.orZero;

@Component
public class GlobalStatsQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;

    public GlobalStatsQueries(DSLContext db, ProjectionPositions positions) {
        this.db = db;
        this.positions = positions;
    }

    /** The totals; all zero before the first event. */
    @QueryHandler
    public GlobalStatsAnswer handle(FindGlobalStats query) {
        long position = positions.positionOf(GlobalStatsProjection.NAME);
        GlobalStatsRecord row = db.selectFrom(GLOBAL_STATS).where(GLOBAL_STATS.ID.eq(GlobalStatsProjection.ROW))
                .fetchOptional().orElseGet(() -> db.newRecord(GLOBAL_STATS));
        return new GlobalStatsAnswer(new GlobalStats(
                n(row.getPlayers()), n(row.getActiveBusinesses()), n(row.getBusinessesPurchased()),
                n(row.getBusinessesSold()), n(row.getBusinessUpgrades()),
                orZero(row.getTotalInvestedLamports()), orZero(row.getLifetimeInvestedLamports()),
                orZero(row.getTotalEntryFeesLamports()), orZero(row.getTotalSlotSpentLamports()),
                orZero(row.getTotalEarningsAccruedLamports()), orZero(row.getTotalClaimedLamports()),
                orZero(row.getTotalSellReturnsLamports()), orZero(row.getTotalReferralBonusLamports()),
                n(row.getNftsMinted()), n(row.getNftsBurned()), n(row.getDiscrepancies()),
                Times.instant(row.getUpdatedAt())), position);
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }
}
