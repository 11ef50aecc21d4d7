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
import org.jooq.Field;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static com.solanamafia.projections.jooq.Tables.DISCREPANCY;

/** Every ChainDiscrepancyDetected, one row per event position (a redelivery inserts nothing). */
@Component
@ProcessingGroup(DiscrepancyProjection.NAME)
public class DiscrepancyProjection {
    public static final String NAME = "discrepancies";
    static final int MAX_REASON = 4000;

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final Consumer<Map<Field<?>, Object>> insertRow;

    @Autowired
    public DiscrepancyProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, row -> db.insertInto(DISCREPANCY).set(row).onConflictDoNothing().execute());
    }

    /** {@code insertRow}: inserts a discrepancy row unless its event position exists. */
    DiscrepancyProjection(DSLContext db, ProjectionPositions positions, Consumer<Map<Field<?>, Object>> insertRow) {
        this.db = db;
        this.positions = positions;
        this.insertRow = insertRow;
    }

    @EventHandler
    void on(ChainDiscrepancyDetected event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        String reason = event.reason() == null ? "" : event.reason();
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(DISCREPANCY.EVENT_POSITION, position);
        row.put(DISCREPANCY.WALLET, event.wallet().base58());
        row.put(DISCREPANCY.RULE_ID, event.rule());
        row.put(DISCREPANCY.REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        row.put(DISCREPANCY.SIGNATURE, event.fact().position().signature());
        row.put(DISCREPANCY.INSTRUCTION_PATH, event.fact().position().instructionPath());
        row.put(DISCREPANCY.ORDINAL, event.fact().position().ordinal());
        row.put(DISCREPANCY.SLOT, event.fact().slot());
        row.put(DISCREPANCY.BLOCK_TIME, Times.utc(event.fact().blockTime()));
        row.put(DISCREPANCY.DETECTED_AT, Times.utc(recordedAt == null ? Instant.now() : recordedAt));
        insertRow.accept(row);
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
