package com.solanamafia.projections.discrepancy;

import com.solanamafia.projections.jooq.tables.records.DiscrepancyRecord;
import com.solanamafia.projections.support.BufferedInserts;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.ProjectionPositions;
import org.jooq.DSLContext;

import static com.solanamafia.projections.jooq.Tables.DISCREPANCY;

/** Discrepancies for a replay: a batch's rows are inserted at once. */
public final class BufferedDiscrepancies {
    private BufferedDiscrepancies() {
    }

    public static BufferedReadModel create(DSLContext db, ProjectionPositions positions) {
        return new BufferedInserts<DiscrepancyRecord>(db, DISCREPANCY,
                insert -> new DiscrepancyProjection(db, positions, insert));
    }
}
