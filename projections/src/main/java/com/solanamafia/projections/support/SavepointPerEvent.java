package com.solanamafia.projections.support;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a read model dead-letter one failing event and still commit the rest of its batch. A handler that fails in
 * PostgreSQL (say, a value too long for its column) leaves the batch transaction aborted, and the dead-letter queue,
 * which parks the failed event in the same transaction, could not write it: the batch would fail forever.
 *
 * <p>Savepoints cost two statements per event and read model, so a read model runs its batches without them until
 * one of its handlers fails: then the whole batch is made to fail (rolled back, nothing of it committed, no dead
 * letter written) and the processor retries it, this time with every event in a savepoint of the batch transaction,
 * so only the failing event's changes are undone and it is dead-lettered (with the later events of its wallet).
 * Once a batch with savepoints that reached the failed batch's last event commits, the read model goes back to batches
 * without them. A single event
 * handled in a unit of work of its own (the dead-letter processor retrying a dead letter) always gets a savepoint.</p>
 *
 * <p>A batch without savepoints goes to the read model's buffered model when it has one ({@link LiveBatches}): its
 * rows are written at once before the commit, and if that write fails the batch fails the same way and is retried
 * with savepoints, event by event through the read model's own bean, whose statements say which event failed.</p>
 */
@Component
public class SavepointPerEvent implements HandlerEnhancerDefinition {
    static final String PACKAGE = "com.solanamafia.projections.";
    private static final String CAREFUL = SavepointPerEvent.class.getName() + ".careful";

    private final ObjectProvider<PlatformTransactionManager> transactions;
    /** Resolved once: looking it up through the provider walks the bean factory, per event and read model. */
    private volatile PlatformTransactionManager transactionManager;
    /**
     * The read models (by handler class) whose batches run with savepoints: one of theirs failed. The value is the
     * highest event position of the failed batch: they go back to batches without savepoints once a batch with
     * savepoints that reached it commits (a retry may take fewer events than the batch that failed).
     */
    private final Map<Class<?>, Long> careful = new ConcurrentHashMap<>();

    private final ObjectProvider<LiveBatches> liveBatchesProvider;
    private volatile LiveBatches liveBatches;
    /** Looked up once, present or not (buffering off): the provider walks the bean factory. */
    private volatile boolean liveBatchesResolved;

    @Autowired
    public SavepointPerEvent(ObjectProvider<PlatformTransactionManager> transactions,
                             ObjectProvider<LiveBatches> liveBatches) {
        this.transactions = transactions;
        this.liveBatchesProvider = liveBatches;
    }

    /** Without buffered live batches: every event through the read model's own bean. */
    public SavepointPerEvent(ObjectProvider<PlatformTransactionManager> transactions) {
        this.transactions = transactions;
        this.liveBatchesProvider = null;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().getName().startsWith(PACKAGE) || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        Class<?> readModel = original.declaringClass();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                PlatformTransactionManager manager = manager();
                if (manager == null || !TransactionSynchronizationManager.isActualTransactionActive()
                        || !CurrentUnitOfWork.isStarted()) {
                    return super.handle(message, target);
                }
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                if (careful.containsKey(readModel) || !(root instanceof BatchingUnitOfWork<?> batch)) {
                    return withSavepoint(manager, message, target);
                }
                try {
                    return super.handle(message, bufferedOr(target, batch));
                } catch (Exception | Error e) {
                    failBatch(readModel, e);
                    throw e;
                }
            }

            /** The batch's buffered model of this read model, if it has one (and buffering is on). */
            @SuppressWarnings("unchecked")
            private T bufferedOr(T target, BatchingUnitOfWork<?> batch) {
                LiveBatches live = liveBatches();
                BufferedReadModel buffered = live == null ? null
                        : live.forBatch(readModel, batch, e -> {
                            careful.merge(readModel, highestPosition(batch), Math::max);
                            return new RetryWithSavepoints(readModel, e);
                        });
                return buffered == null ? target : (T) buffered.handler();
            }

            private Object withSavepoint(PlatformTransactionManager manager, Message<?> message, T target)
                    throws Exception {
                UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
                batch.getOrComputeResource(CAREFUL, key -> {
                    if (batch instanceof BatchingUnitOfWork<?>) {
                        // a processor batch with savepoints committed: its next batch goes without them again (a
                        // dead letter retried on its own in between must not end the processor's careful batch)
                        long reached = highestPosition(batch);
                        batch.afterCommit(u -> careful.computeIfPresent(readModel,
                                (type, failedUpTo) -> reached >= failedUpTo ? null : failedUpTo));
                    } else {
                        // a dead letter retried beside the live processor: not while a buffered batch holds rows
                        LiveBatches live = liveBatches();
                        if (live != null) {
                            live.lockAgainstBatches(readModel);
                        }
                    }
                    return Boolean.TRUE;
                });
                TransactionStatus savepoint = manager.getTransaction(NESTED);
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    manager.rollback(savepoint);
                    throw e;
                }
                manager.commit(savepoint);
                return result;
            }
        };
    }

    private LiveBatches liveBatches() {
        if (!liveBatchesResolved) {
            liveBatches = liveBatchesProvider == null ? null : liveBatchesProvider.getIfAvailable();
            liveBatchesResolved = true;
        }
        return liveBatches;
    }

    private PlatformTransactionManager manager() {
        PlatformTransactionManager resolved = transactionManager;
        if (resolved == null) {
            resolved = transactions.getIfAvailable();
            transactionManager = resolved;
        }
        return resolved;
    }

    /** Whether the read model's next batch runs with a savepoint per event (one of its handlers failed). */
    boolean usesSavepoints(Class<?> readModel) {
        return careful.containsKey(readModel);
    }

    /**
     * A handler failed in a batch without savepoints: its statements so far may be half applied, so nothing of the
     * batch may commit, dead letter included. The batch fails before it commits and is retried with savepoints.
     */
    private void failBatch(Class<?> readModel, Throwable cause) {
        careful.merge(readModel, highestPosition(CurrentUnitOfWork.get().root()), Math::max);
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(CAREFUL + ".failed", key -> {
            batch.onPrepareCommit(u -> {
                throw new RetryWithSavepoints(readModel, cause);
            });
            return Boolean.TRUE;
        });
    }

    /** The highest event position among a processor batch's messages; -1 when they carry none. */
    static long highestPosition(UnitOfWork<?> batch) {
        if (!(batch instanceof BatchingUnitOfWork<?> messages)) {
            return -1;
        }
        long highest = -1;
        for (Object message : messages.getMessages()) {
            if (message instanceof TrackedEventMessage<?> tracked) {
                highest = Math.max(highest, ProjectionPositions.positionOf(tracked.trackingToken()));
            }
        }
        return highest;
    }

    /** Fails a batch in which a handler failed without a savepoint; the processor retries it with savepoints. */
    static final class RetryWithSavepoints extends RuntimeException {
        RetryWithSavepoints(Class<?> readModel, Throwable cause) {
            super(readModel.getSimpleName() + " failed on a batch without savepoints; the batch is rolled back and "
                    + "retried with one savepoint per event", cause);
        }
    }

    private static final TransactionDefinition NESTED = new TransactionDefinition() {
        @Override
        public int getPropagationBehavior() {
            return PROPAGATION_NESTED;
        }
    };
}
