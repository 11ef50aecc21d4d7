package com.solanamafia.projections.replay;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.util.stream.Stream;

/** The event store read directly from a position (null: from the first event) up to its current head. */
public interface ReplayEventSource {
    Stream<? extends TrackedEventMessage<?>> readFrom(TrackingToken after);

    /** How many events the store holds (for progress figures). */
    long count();

    /** The global index of the newest event, -1 when empty (for lag figures). */
    long head();

    /** A replay is over: anything held to read it faster (shared values) can go. */
    default void released() {
    }
}
