package com.solanamafia.projections.support;

import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static com.solanamafia.projections.jooq.Tables.PROJECTION_POSITION;

/** Records the event-store position (global index) a projection has applied, so readers can tell freshness. */
@Component
public class ProjectionPositions {
    private final DSLContext db;

    public ProjectionPositions(DSLContext db) {
        this.db = db;
    }

    public static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    public void advance(String projection, long position) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(PROJECTION_POSITION)
                .set(PROJECTION_POSITION.PROJECTION, projection)
                .set(PROJECTION_POSITION.EVENT_POSITION, position)
                .set(PROJECTION_POSITION.UPDATED_AT, now)
                .onConflict(PROJECTION_POSITION.PROJECTION)
                .doUpdate()
                .set(PROJECTION_POSITION.EVENT_POSITION,
                        org.jooq.impl.DSL.greatest(PROJECTION_POSITION.EVENT_POSITION, org.jooq.impl.DSL.val(position)))
                .set(PROJECTION_POSITION.UPDATED_AT, now)
                .execute();
    }

    public long positionOf(String projection) {
        Long position = db.select(PROJECTION_POSITION.EVENT_POSITION).from(PROJECTION_POSITION)
                .where(PROJECTION_POSITION.PROJECTION.eq(projection)).fetchOne(PROJECTION_POSITION.EVENT_POSITION);
        return position == null ? -1 : position;
    }
}
