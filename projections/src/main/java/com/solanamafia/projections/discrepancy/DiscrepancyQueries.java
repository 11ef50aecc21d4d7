package com.solanamafia.projections.discrepancy;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.discrepancy.DiscrepancyPage;
import com.solanamafia.api.query.discrepancy.DiscrepancyView;
import com.solanamafia.api.query.discrepancy.FindDiscrepancies;
import com.solanamafia.projections.jooq.tables.records.DiscrepancyRecord;
import com.solanamafia.projections.support.Lamport;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.solanamafia.projections.jooq.Tables.DISCREPANCY;

@Component
public class DiscrepancyQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;

    public DiscrepancyQueries(DSLContext db, ProjectionPositions positions) {
        this.db = db;
        this.positions = positions;
    }

    @QueryHandler
    public DiscrepancyPage handle(FindDiscrepancies query) {
        long position = positions.positionOf(DiscrepancyProjection.NAME);
        Condition where = DISCREPANCY.EVENT_POSITION.lt(Lamport.cursorOr(query.cursor(), Long.MAX_VALUE));
        if (query.wallet() != null) {
            where = where.and(DISCREPANCY.WALLET.eq(query.wallet().base58()));
        }
        if (query.rule() != null) {
            where = where.and(DISCREPANCY.RULE_ID.eq(query.rule()));
        }
        List<DiscrepancyRecord> rows = db.selectFrom(DISCREPANCY).where(where)
                .orderBy(DISCREPANCY.EVENT_POSITION.desc())
                .limit(query.limit() + 1)
                .fetch();
        boolean more = rows.size() > query.limit();
        List<DiscrepancyView> page = rows.stream().limit(query.limit()).map(DiscrepancyQueries::view).toList();
        String next = more ? Long.toString(page.get(page.size() - 1).eventPosition()) : null;
        return new DiscrepancyPage(page, next, position);
    }

    static DiscrepancyView view(DiscrepancyRecord row) {
        return new DiscrepancyView(row.getEventPosition(), Wallet.of(row.getWallet()), row.getRuleId(),
                row.getReason(), row.getSignature(), row.getInstructionPath(), row.getOrdinal(), row.getSlot(),
                Times.instant(row.getBlockTime()), Times.instant(row.getDetectedAt()));
    }
}
