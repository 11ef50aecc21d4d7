package com.solanamafia.projections.activity;

import com.solanamafia.projections.jooq.tables.records.ActivityRecord;
import com.solanamafia.projections.support.BufferedInserts;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.ProjectionPositions;
import org.jooq.DSLContext;

import static com.solanamafia.projections.jooq.Tables.ACTIVITY;

/** The activity feed for a replay: a batch's rows are inserted at once. */
public final class BufferedPlayerActivity {
    private BufferedPlayerActivity() {
    }

    public static BufferedReadModel create(DSLContext db, ProjectionPositions positions) {
        return new BufferedInserts<ActivityRecord>(db, ACTIVITY,
                insert -> new PlayerActivityProjection(db, positions, insert));
    }
}
