package com.solanamafia.command.earnings;

import java.time.Instant;

/**
 * Moves a scheduled deadline to another time in place: same schedule id, same payload, in the caller's transaction.
 * One statement instead of a cancel and a schedule (four with db-scheduler, plus serializing the deadline).
 */
public interface DeadlineMover {

    /** @return false when it cannot be moved: db-scheduler is executing it right now, or it is gone */
    boolean move(String scheduleId, Instant triggerTime);
}
