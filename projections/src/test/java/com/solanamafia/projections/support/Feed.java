package com.solanamafia.projections.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to a projection the way a processor does (Axon resolves the handler and its TrackingToken and
 * timestamp parameters), each at its event-store position. {@link #replay} sends every event again.
 */
public final class Feed {
    public static final Instant RECORDED = Instant.parse("2026-06-01T00:00:00Z");

    private final AnnotationEventHandlerAdapter adapter;
    private final List<TrackedEventMessage<?>> sent = new ArrayList<>();
    private long next = 1;

    public Feed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    /** Sends the events at the next positions (1, 2, ...). */
    public Feed send(Object... events) {
        for (Object event : events) {
            sendAt(next, event);
        }
        return this;
    }

    public Feed sendAt(long position, Object event) {
        next = Math.max(next, position + 1);
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(ReadModelDb.at(position),
                new GenericEventMessage<>(UUID.randomUUID().toString(), event, Map.of(), RECORDED));
        sent.add(message);
        handle(message);
        return this;
    }

    /** Sends every event again, in the same order and at the same positions. */
    public Feed replay() {
        for (TrackedEventMessage<?> message : List.copyOf(sent)) {
            handle(message);
        }
        return this;
    }

    public long lastPosition() {
        return next - 1;
    }

    public void reset() {
        adapter.prepareReset(null);
    }

    private void handle(TrackedEventMessage<?> message) {
        try {
            if (adapter.canHandle(message)) {
                adapter.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException("handler failed for " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
