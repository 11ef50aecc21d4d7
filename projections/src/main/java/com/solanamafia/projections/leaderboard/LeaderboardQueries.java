package com.solanamafia.projections.leaderboard;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.leaderboard.FindLeaderboard;
import com.solanamafia.api.query.leaderboard.Leaderboard;
import com.solanamafia.api.query.leaderboard.LeaderboardEntry;
import com.solanamafia.projections.jooq.tables.records.LeaderboardEntryRecord;
import com.solanamafia.projections.support.Lamport;
import com.solanamafia.projections.support.ProjectionPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.projections.jooq.Tables.LEADERBOARD_ENTRY;

/** Leaderboard pages; the cursor is the rank offset (boards are short enough for OFFSET to be cheap on the index). */
@Component
public class LeaderboardQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;

    public LeaderboardQueries(DSLContext db, ProjectionPositions positions) {
        this.db = db;
        this.positions = positions;
    }

    @QueryHandler
    public Leaderboard handle(FindLeaderboard query) {
        long position = positions.positionOf(LeaderboardProjection.NAME);
        long offset = Lamport.cursorOr(query.cursor(), 0);
        List<SortField<?>> order = switch (query.kind()) {
            case EARNINGS -> List.of(LEADERBOARD_ENTRY.EARNINGS_LAMPORTS.desc(), LEADERBOARD_ENTRY.WALLET.asc());
            case INVESTED -> List.of(LEADERBOARD_ENTRY.INVESTED_LAMPORTS.desc(), LEADERBOARD_ENTRY.WALLET.asc());
            case REFERRALS -> List.of(LEADERBOARD_ENTRY.REFERRAL_COUNT.desc(),
                    LEADERBOARD_ENTRY.REFERRAL_BONUS_LAMPORTS.desc(), LEADERBOARD_ENTRY.WALLET.asc());
        };
        var ranked = switch (query.kind()) {
            case EARNINGS -> LEADERBOARD_ENTRY.EARNINGS_LAMPORTS.gt(java.math.BigInteger.ZERO);
            case INVESTED -> LEADERBOARD_ENTRY.INVESTED_LAMPORTS.gt(java.math.BigInteger.ZERO);
            case REFERRALS -> LEADERBOARD_ENTRY.REFERRAL_COUNT.gt(0)
                    .or(LEADERBOARD_ENTRY.REFERRAL_BONUS_LAMPORTS.gt(java.math.BigInteger.ZERO));
        };
        List<LeaderboardEntryRecord> rows = db.selectFrom(LEADERBOARD_ENTRY)
                .where(ranked)
                .orderBy(order)
                .limit(query.limit() + 1)
                .offset(offset)
                .fetch();
        boolean more = rows.size() > query.limit();
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), query.limit()); i++) {
            LeaderboardEntryRecord row = rows.get(i);
            entries.add(new LeaderboardEntry(offset + i + 1, Wallet.of(row.getWallet()),
                    Lamport.orZero(row.getEarningsLamports()), Lamport.orZero(row.getClaimedLamports()),
                    Lamport.orZero(row.getInvestedLamports()), row.getReferralCount(),
                    Lamport.orZero(row.getReferralBonusLamports())));
        }
        String next = more ? Long.toString(offset + query.limit()) : null;
        return new Leaderboard(query.kind(), entries, next, position);
    }
}
