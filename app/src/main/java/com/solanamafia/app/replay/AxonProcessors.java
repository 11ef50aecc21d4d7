package com.solanamafia.app.replay;

import com.solanamafia.projections.replay.ProcessorControl;
import com.solanamafia.projections.replay.ProcessorState;
import com.solanamafia.projections.replay.ReplayableProjections;
import com.solanamafia.projections.support.WalletSequencingPolicy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jooq.DSLContext;
import org.springframework.core.env.Environment;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * This instance's Axon processors of the read models, for the replay: stop/start ({@link ProcessorControl}), and
 * the switch's rewrite of their tokens and dead letters ({@link ProcessorState}). Every method refuses names outside
 * {@link ReplayableProjections}, so neither the push processor nor a saga can be touched through here.
 */
public class AxonProcessors implements ProcessorControl, ProcessorState {
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final Serializer tokenSerializer;
    private final TokenSchema tokenSchema;
    private final DSLContext db;
    private final Environment environment;
    private final WalletSequencingPolicy sequencing = new WalletSequencingPolicy();

    public AxonProcessors(EventProcessingConfiguration processing, TokenStore tokenStore, Serializer tokenSerializer,
                          TokenSchema tokenSchema, DSLContext db, Environment environment) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.tokenSerializer = tokenSerializer;
        this.tokenSchema = tokenSchema;
        this.db = db;
        this.environment = environment;
    }

    public Optional<StreamingEventProcessor> processor(String group) {
        ReplayableProjections.require(group);
        return processing.eventProcessor(group, StreamingEventProcessor.class);
    }

    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters(String group) {
        ReplayableProjections.require(group);
        return processing.deadLetterQueue(group);
    }

    @Override
    public boolean stop(String group) {
        Optional<StreamingEventProcessor> processor = processor(group);
        if (processor.isEmpty() || !processor.get().isRunning()) {
            return false;
        }
        try {
            processor.get().shutdownAsync().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("processor " + group + " did not stop", e);
        }
        return true;
    }

    @Override
    public void start(String group) {
        processor(group).ifPresent(p -> {
            if (!p.isRunning()) {
                p.start();
            }
        });
    }

    @Override
    public boolean isRunning(String group) {
        return processor(group).map(StreamingEventProcessor::isRunning).orElse(false);
    }

    @Override
    public void moveTokens(String group, TrackingToken token) {
        ReplayableProjections.require(group);
        int[] segments = tokenStore.fetchSegments(group);
        if (segments.length == 0) {
            int count = environment.getProperty("axon.eventhandling.processors." + group + ".initial-segment-count",
                    Integer.class, 1);
            tokenStore.initializeTokenSegments(group, count, token);
            return;
        }
        SerializedObject<byte[]> serialized = tokenSerializer.serialize(token, byte[].class);
        db.execute("UPDATE " + tokenSchema.tokenTable() + " SET " + tokenSchema.tokenColumn() + " = ?, "
                        + tokenSchema.tokenTypeColumn() + " = ?, " + tokenSchema.ownerColumn() + " = NULL, "
                        + tokenSchema.timestampColumn() + " = ? WHERE " + tokenSchema.processorNameColumn() + " = ?",
                serialized.getData(), serialized.getType().getName(), Instant.now().toString(), group);
    }

    @Override
    public void clearDeadLetters(String group) {
        deadLetters(group).ifPresent(SequencedDeadLetterQueue::clear);
    }

    @Override
    public void deadLetter(String group, TrackedEventMessage<?> event, Throwable cause) {
        deadLetters(group).ifPresent(queue -> {
            Object sequence = sequencing.getSequenceIdentifierFor(event);
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, cause));
        });
    }
}
