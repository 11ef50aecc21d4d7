package com.solanamafia.command.earnings;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Scheduling and cancelling deadlines at once, in the order the saga does it, in the current transaction: Axon's
 * DbSchedulerDeadlineManager defers both to the prepare-commit of the unit of work, so a deadline scheduled and then
 * replaced in the same event batch (two events of one player) could not be found by the cancel, which ran first,
 * and stayed behind as an orphan row.
 */
final class Deadlines {
    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    private Deadlines() {
    }

    /** Schedules the deadline now (its row is inserted before this returns) and returns its schedule id. */
    static String schedule(DeadlineManager deadlineManager, Instant triggerTime, String deadlineName, Object payload) {
        return schedule(deadlineManager, triggerTime, deadlineName, payload, Scope.describeCurrentScope());
    }

    static String schedule(DeadlineManager deadlineManager, Instant triggerTime, String deadlineName, Object payload,
                           ScopeDescriptor scope) {
        String[] id = new String[1];
        runNow(() -> id[0] = deadlineManager.schedule(triggerTime, deadlineName, payload, scope));
        return id[0];
    }

    /**
     * Cancels the schedule, tolerating one that db-scheduler is executing right now: that one can no longer be
     * stopped, and its handler must recognise itself as stale. Any other failure propagates.
     */
    static void cancel(DeadlineManager deadlineManager, String deadlineName, String scheduleId) {
        try {
            runNow(() -> deadlineManager.cancelSchedule(deadlineName, scheduleId));
        } catch (RuntimeException e) {
            if (!isCurrentlyExecuting(e)) {
                throw e;
            }
            log.debug("Deadline {} [{}] is executing and cannot be cancelled; it will find itself stale",
                    deadlineName, scheduleId);
        }
    }

    /**
     * Axon's DbSchedulerDeadlineManager defers a cancel to the prepare-commit of the current unit of work, where a
     * failure aborts the whole event batch and cannot be caught by the handler. A nested unit of work commits (and
     * so cancels) here, in the same transaction, and its failure is ours to handle.
     */
    private static void runNow(Runnable action) {
        if (!CurrentUnitOfWork.isStarted()) {
            action.run();
            return;
        }
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        try {
            action.run();
        } catch (RuntimeException e) {
            nested.rollback(e);
            throw e;
        }
        nested.commit();   // on failure the nested unit rolls itself back and rethrows; the outer one is untouched
    }

    static boolean isCurrentlyExecuting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TaskInstanceCurrentlyExecutingException) {
                return true;
            }
        }
        return false;
    }
}
