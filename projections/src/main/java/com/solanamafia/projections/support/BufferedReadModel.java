package com.solanamafia.projections.support;

/**
 * A read model's event handler that, during a replay, changes its rows in memory instead of sending one statement
 * per change; {@link #write} then sends the rows a batch changed to the tables at once (one statement per table).
 * Only for a replay: the tables must have no other writer, since the rows held in memory are taken as current.
 */
public interface BufferedReadModel {
    /** The handler to feed the batch's events to (an instance of the read model's own projection class). */
    Object handler();

    /** Writes the rows changed since the last write, in the caller's transaction. */
    void write();

    /** Forgets every row held in memory (the batch failed and was rolled back): later reads go to the tables. */
    void discard();
}
