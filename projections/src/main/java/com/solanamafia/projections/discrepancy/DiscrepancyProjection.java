package com.solanamafia.projections.discrepancy;

import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.solanamafia.projections.jooq.Tables.DISCREPANCY;

/** Every ChainDiscrepancyDetected, one row per event position (a redelivery inserts nothing). */
@Component
@ProcessingGroup(DiscrepancyProjection.NAME)
public class DiscrepancyProjection {
    public static final String NAME = "discrepancies";
    static final int MAX_REASON = 4000;

    private final DSLContext db;
    private final ProjectionPositions positions;

    public DiscrepancyProjection(DSLContext db, ProjectionPositions positions) {
        this.db = db;
        this.positions = positions;
    }

    @EventHandler
    void on(ChainDiscrepancyDetected event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        String reason = event.reason() == null ? "" : event.reason();
        db.insertInto(DISCREPANCY)
                .set(DISCREPANCY.EVENT_POSITION, position)
                .set(DISCREPANCY.WALLET, event.wallet().base58())
                .set(DISCREPANCY.RULE_ID, event.rule())
                .set(DISCREPANCY.REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                .set(DISCREPANCY.SIGNATURE, event.fact().position().signature())
                .set(DISCREPANCY.INSTRUCTION_PATH, event.fact().position().instructionPath())
                .set(DISCREPANCY.ORDINAL, event.fact().position().ordinal())
                .set(DISCREPANCY.SLOT, event.fact().slot())
                .set(DISCREPANCY.BLOCK_TIME, Times.utc(event.fact().blockTime()))
                .set(DISCREPANCY.DETECTED_AT, Times.utc(recordedAt == null ? Instant.now() : recordedAt))
                .onConflictDoNothing()
                .execute();
        positions.record(NAME, position);
    }

    /**
     * Any other event: nothing to change, but the read model has now seen this position, so a client waiting for
     * its own write (X-Read-Model-Position) is not kept waiting by events this read model ignores.
     */
    @EventHandler
    void on(Object other, TrackingToken token) {
        positions.record(NAME, ProjectionPositions.positionOf(token));
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(DISCREPANCY).execute();
        positions.forget(NAME);
    }
}
