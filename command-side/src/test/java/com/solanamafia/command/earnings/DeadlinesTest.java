package com.solanamafia.command.earnings;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.mockito.InOrder;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** {@link Deadlines#cancel} against Axon's real DbSchedulerDeadlineManager over a mocked db-scheduler. */
class DeadlinesTest {
    static final SagaScopeDescriptor SAGA = new SagaScopeDescriptor("EarningsScheduleSaga", "saga-1");
    Scheduler scheduler;
    DbSchedulerDeadlineManager deadlineManager;
    UnitOfWork<?> outer;

    @BeforeEach
    void setUp() {
        scheduler = mock(Scheduler.class);
        deadlineManager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider((ScopeAwareProvider) scope -> Stream.empty())
                .serializer(JacksonSerializer.defaultSerializer())
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @AfterEach
    void tearDown() {
        if (outer != null && outer.isActive()) {
            outer.rollback();
        }
    }

    private void executing() {
        doThrow(new TaskInstanceCurrentlyExecutingException("AxonDeadline", "id-1"))
                .when(scheduler).cancel(any(TaskInstanceId.class));
    }

    @Test
    void withoutTheHelperAnExecutingDeadlineFailsTheUnitOfWorkAtCommit() {
        executing();
        outer = DefaultUnitOfWork.startAndGet(null);
        deadlineManager.cancelSchedule("earnings-due", "id-1");   // deferred: nothing to catch here
        assertThatThrownBy(outer::commit).isInstanceOf(TaskInstanceCurrentlyExecutingException.class);
    }

    @Test
    void anExecutingDeadlineDoesNotFailTheUnitOfWork() {
        executing();
        outer = DefaultUnitOfWork.startAndGet(null);
        Deadlines.cancel(deadlineManager, "earnings-due", "id-1");
        outer.commit();
        assertThat(outer.isRolledBack()).isFalse();
        verify(scheduler).cancel(any(TaskInstanceId.class));
    }

    @Test
    void anExecutingDeadlineIsToleratedOutsideAUnitOfWork() {
        executing();
        Deadlines.cancel(deadlineManager, "earnings-due", "id-1");
        verify(scheduler).cancel(any(TaskInstanceId.class));
    }

    @Test
    void aGoneDeadlineIsToleratedAsBefore() {
        doThrow(new TaskInstanceNotFoundException("AxonDeadline", "id-1")).when(scheduler).cancel(any(TaskInstanceId.class));
        outer = DefaultUnitOfWork.startAndGet(null);
        Deadlines.cancel(deadlineManager, "earnings-due", "id-1");
        outer.commit();
    }

    @Test
    void otherFailuresPropagate() {
        doThrow(new IllegalStateException("db down")).when(scheduler).cancel(any(TaskInstanceId.class));
        outer = DefaultUnitOfWork.startAndGet(null);
        assertThatThrownBy(() -> Deadlines.cancel(deadlineManager, "earnings-due", "id-1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("db down");
        assertThat(outer.isActive()).isTrue();   // the handler decides; the outer unit of work is untouched
    }

    @Test
    void aScheduleIsMadeAtOnceInsideAUnitOfWork() {
        outer = DefaultUnitOfWork.startAndGet(null);
        String id = Deadlines.schedule(deadlineManager, Instant.parse("2026-05-02T10:00:00Z"), "earnings-due", 1L, SAGA);
        verify(scheduler).schedule(any(TaskInstance.class), eq(Instant.parse("2026-05-02T10:00:00Z")));
        outer.commit();
        verifyNoMoreInteractions(scheduler);
        assertThat(id).isNotBlank();
    }

    @Test
    void aDeadlineScheduledAndCancelledInOneUnitOfWorkIsInsertedBeforeTheCancel() {
        // two events of one player in one batch: the first schedules, the second replaces it. Deferred to the
        // prepare-commit, the cancel ran before the insert, found nothing, and the row stayed behind.
        outer = DefaultUnitOfWork.startAndGet(null);
        String id = Deadlines.schedule(deadlineManager, Instant.parse("2026-05-02T10:00:00Z"), "earnings-due", 1L, SAGA);
        Deadlines.cancel(deadlineManager, "earnings-due", id);
        InOrder order = inOrder(scheduler);
        order.verify(scheduler).schedule(any(TaskInstance.class), any(Instant.class));
        order.verify(scheduler).cancel(argThat(t -> t.getId().equals(id)));
        outer.commit();
        verifyNoMoreInteractions(scheduler);
    }

    @Test
    void recognisesTheConditionWhenWrapped() {
        var executing = new TaskInstanceCurrentlyExecutingException("AxonDeadline", "id-1");
        assertThat(Deadlines.isCurrentlyExecuting(new RuntimeException(new IllegalStateException(executing)))).isTrue();
        assertThat(Deadlines.isCurrentlyExecuting(new RuntimeException("other"))).isFalse();
    }
}
