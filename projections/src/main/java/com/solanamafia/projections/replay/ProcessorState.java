package com.solanamafia.projections.replay;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The Axon-side state of a read model's live processor that a replay's switch rewrites, inside the switch's
 * database transaction: its tokens and its dead letters. Implemented in the app over the JDBC token store and
 * dead-letter queue.
 */
public interface ProcessorState {
    /**
     * Sets every segment's token to {@code token} (the replay's position) and releases every claim, so an instance
     * that did not stop in time cannot commit another batch with its old claim (its transaction rolls back).
     */
    void moveTokens(String processingGroup, TrackingToken token);

    /** Forgets the group's dead letters: the replay has applied their events again. */
    void clearDeadLetters(String processingGroup);

    /** Parks an event that failed during the replay, for the dead-letter endpoints. */
    void deadLetter(String processingGroup, TrackedEventMessage<?> event, Throwable cause);
}
