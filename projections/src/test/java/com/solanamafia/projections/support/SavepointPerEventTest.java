package com.solanamafia.projections.support;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read model's batches run without savepoints until a handler fails; that batch then commits nothing, and its
 * retry runs with a savepoint per event, so only the failing event's writes are undone.
 */
class SavepointPerEventTest {
    static ReadModelDb rm;
    static JdbcTemplate jdbc;
    static PlatformTransactionManager transactions;
    SavepointPerEvent enhancer;
    MessageHandlingMember<Handler> member;
    Handler handler;

    /** Writes a row per event; an event "bad:..." writes its row, then fails. */
    static class Handler {
        @EventHandler
        void on(String event) {
            jdbc.update("INSERT INTO savepoint_test (name) VALUES (?)", event);
            if (event.startsWith("bad")) {
                throw new IllegalStateException("poison " + event);
            }
        }
    }

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("savepoints");
        jdbc = new JdbcTemplate(rm.dataSource);
        transactions = new DataSourceTransactionManager(rm.dataSource);
        jdbc.execute("CREATE TABLE savepoint_test (name text PRIMARY KEY)");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() throws Exception {
        jdbc.update("DELETE FROM savepoint_test");
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("transactions", transactions);
        enhancer = new SavepointPerEvent(beans.getBeanProvider(PlatformTransactionManager.class));
        member = enhancer.wrapHandler(new AnnotatedMessageHandlingMember<>(Handler.class.getDeclaredMethod("on", String.class),
                EventMessage.class, String.class,
                ClasspathParameterResolverFactory.forClass(Handler.class)));
        handler = new Handler();
    }

    /** Runs the events as one processor batch; a failing handler's exception is swallowed, as a dead-letter queue does. */
    private List<String> batch(String... events) {
        return run(Arrays.stream(events).<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList());
    }

    /** A processor batch of tracked events at positions {@code from}, {@code from + 1}, ... */
    private List<String> trackedBatch(long from, String... events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(from + i),
                    GenericEventMessage.asEventMessage(events[i])));
        }
        return run(messages);
    }

    private List<String> run(List<EventMessage<?>> messages) {
        List<String> failed = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(messages);
        uow.attachTransaction(new SpringTransactionManager(transactions));
        uow.executeWithResult(() -> handle(CurrentUnitOfWork.get().getMessage(), failed));
        if (uow.getExecutionResult() != null && uow.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException("batch failed", uow.getExecutionResult().getExceptionResult());
        }
        return failed;
    }

    private Object handle(Message<?> message, List<String> failed) {
        try {
            return member.handle(message, handler);
        } catch (Exception e) {
            failed.add((String) message.getPayload());
            return null;
        }
    }

    /** One event in a unit of work of its own, as the dead-letter processor retries a dead letter. */
    private List<String> single(String event) {
        List<String> failed = new ArrayList<>();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));
        uow.attachTransaction(new SpringTransactionManager(transactions));
        handle(uow.getMessage(), failed);
        uow.commit();
        return failed;
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT name FROM savepoint_test ORDER BY name", String.class);
    }

    @Test
    void batchesWithoutFailuresCommitEverything() {
        assertThat(batch("a", "b", "c")).isEmpty();
        assertThat(rows()).containsExactly("a", "b", "c");
        assertThat(enhancer.usesSavepoints(Handler.class)).isFalse();
    }

    @Test
    void aFailureFailsTheWholeBatchThenItsRetryUndoesOnlyTheFailingEvent() {
        assertThatThrownBy(() -> batch("a", "bad-1", "c"))
                .hasRootCauseMessage("poison bad-1");
        assertThat(rows()).as("nothing of the failed batch, not even the failing handler's own write").isEmpty();
        assertThat(enhancer.usesSavepoints(Handler.class)).isTrue();

        assertThat(batch("a", "bad-1", "c")).containsExactly("bad-1");
        assertThat(rows()).containsExactly("a", "c");
        assertThat(enhancer.usesSavepoints(Handler.class)).as("back to batches without savepoints").isFalse();

        assertThat(batch("d")).isEmpty();
        assertThat(rows()).containsExactly("a", "c", "d");
    }

    @Test
    void savepointsLastUntilABatchWithThemReachesTheEndOfTheOneThatFailed() {
        assertThatThrownBy(() -> trackedBatch(1, "a", "bad-3", "c")).hasRootCauseMessage("poison bad-3");
        assertThat(enhancer.usesSavepoints(Handler.class)).isTrue();

        assertThat(trackedBatch(1, "a")).isEmpty();
        assertThat(enhancer.usesSavepoints(Handler.class)).as("a shorter retry: the failed batch went up to 3").isTrue();
        assertThat(single("e")).isEmpty();
        assertThat(enhancer.usesSavepoints(Handler.class)).as("a dead letter retried on its own ends nothing").isTrue();

        assertThat(trackedBatch(2, "bad-3", "c")).containsExactly("bad-3");
        assertThat(enhancer.usesSavepoints(Handler.class)).isFalse();
        assertThat(rows()).containsExactly("a", "c", "e");
    }

    @Test
    void aDeadLetterRetriedOnItsOwnFailsInASavepoint() {
        assertThat(single("bad-2")).containsExactly("bad-2");
        assertThat(single("e")).isEmpty();
        assertThat(rows()).containsExactly("e");
        assertThat(enhancer.usesSavepoints(Handler.class)).isFalse();
    }
}
