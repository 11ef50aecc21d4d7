package com.solanamafia.projections.support;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs every read-model event handler inside a savepoint of the processor's batch transaction. A handler that
 * fails in PostgreSQL (say, a value too long for its column) would otherwise leave the whole transaction aborted,
 * and the dead-letter queue, which parks the failed event in the same transaction, could not write it: the batch
 * would roll back and fail again forever. With the savepoint only that event's changes are undone, the event is
 * dead-lettered (with the later events of its wallet) and the batch commits. Costs two statements per event.
 */
@Component
public class SavepointPerEvent implements HandlerEnhancerDefinition {
    static final String PACKAGE = "com.solanamafia.projections.";

    private final ObjectProvider<PlatformTransactionManager> transactions;

    public SavepointPerEvent(ObjectProvider<PlatformTransactionManager> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.declaringClass().getName().startsWith(PACKAGE) || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                PlatformTransactionManager manager = transactions.getIfAvailable();
                if (manager == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                TransactionStatus savepoint = manager.getTransaction(
                        NESTED);
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

    private static final TransactionDefinition NESTED = new TransactionDefinition() {
        @Override
        public int getPropagationBehavior() {
            return PROPAGATION_NESTED;
        }
    };
}
