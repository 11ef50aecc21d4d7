package com.solanamafia.projections.support;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * A read model's event handler that changes its rows in memory instead of sending one statement per change;
 * {@link #write} then sends the rows a batch changed to the tables at once (one statement per table). A replay keeps
 * the rows between batches (it is the tables' only writer) and writes most of them once, at the end ({@link
 * #writeSome}); a live processor batch ({@link LiveBatches}) starts from
 * a {@link #discard}ed model, so every row it needs is read from the tables, and discards it again when it ends.
 */
public interface BufferedReadModel {
    /** The handler to feed the batch's events to (an instance of the read model's own projection class). */
    Object handler();

    /** Writes the rows changed since the last write, in the caller's transaction. */
    void write();

    /**
     * A replay's batch: writes only what cannot wait (the rows the batch appended; every changed row once a table
     * holds more rows in memory than its capacity), so a row changed in many batches is written once, by a later
     * {@link #write}. Only for tables nothing else writes or reads meanwhile (a replay's shadows).
     */
    default void writeSome() {
        write();
    }

    /** Forgets every row held in memory (the batch failed and was rolled back): later reads go to the tables. */
    void discard();

    /**
     * Reads, in as few queries as it can, the rows the batch's events will need that it does not hold, so the handler
     * does not read them one by one. Optional: a row not read here is read when first needed.
     */
    default void prefetch(List<? extends EventMessage<?>> batch) {
    }
}
