package com.solanamafia.projections.replay;

import java.time.Instant;
import java.util.List;

/** A replay job as recorded in {@code read_model.replay_job}: what it rebuilds and how far it has come. */
public record ReplayJob(long id, List<String> projections, State state, String requestedBy, String runner,
                        Instant heartbeatAt, long eventsTotal, long eventsDone, double eventsPerSecond, Long etaSeconds,
                        long eventPosition, long failedEvents, String error, Instant createdAt, Instant finishedAt) {

    public enum State {
        /** Building the shadow tables from the event store; the live processors keep running. */
        BUILDING,
        /** Every instance is asked to stop the job's processors; the runner waits for all acknowledgements. */
        PAUSING,
        /** All stopped: the runner applies the tail and swaps the tables. */
        SWITCHING,
        DONE,
        FAILED;

        public boolean active() {
            return this == BUILDING || this == PAUSING || this == SWITCHING;
        }

        /** Whether instances must keep the job's processors stopped. */
        public boolean holdsProcessors() {
            return this == PAUSING || this == SWITCHING;
        }
    }

    public double fractionDone() {
        return eventsTotal <= 0 ? (state == State.DONE ? 1 : 0) : Math.min(1, (double) eventsDone / eventsTotal);
    }
}
