package com.solanamafia.query.push;

import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.query.push.redis.PushStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * The push processor: every domain event becomes channel messages in Redis (seq, history, fan-out). Its own
 * processing group, never replayed, starting at the head of the event stream. When Redis is unavailable the
 * handler throws, the processor backs off and retries the same events: nothing is dropped, and the Redis-side
 * dedupe by event id keeps a retried batch from publishing twice.
 */
@ProcessingGroup(PushEventHandler.PROCESSING_GROUP)
@DisallowReplay
public class PushEventHandler {
    public static final String PROCESSING_GROUP = "push";
    private static final String PENDING = PushEventHandler.class.getName() + ".pending";

    private final PushEventMapper mapper;
    private final PushMessages messages;
    private final PushStore store;
    private final Counter published;
    private final Counter duplicates;

    public PushEventHandler(PushEventMapper mapper, PushMessages messages, PushStore store, MeterRegistry meters) {
        this.mapper = mapper;
        this.messages = messages;
        this.store = store;
        this.published = meters.counter("websocket.messages.published");
        this.duplicates = meters.counter("websocket.events.duplicate");
    }

    @EventHandler
    void on(ChainFactEvent event, EventMessage<?> message, TrackingToken token) {
        long position = token == null ? -1 : token.position().orElse(-1);
        List<PushStore.Outgoing> outgoing = mapper.map(event).stream()
                .map(m -> new PushStore.Outgoing(m.channel(), messages.eventHead(m.channel()),
                        messages.eventTail(m.event(), position, message.getTimestamp(), m.data())))
                .toList();
        if (outgoing.isEmpty()) {
            return;
        }
        PushStore.EventMessages messagesOfEvent = new PushStore.EventMessages(message.getIdentifier(), position, outgoing);
        if (!CurrentUnitOfWork.isStarted()) {
            count(store.publish(List.of(messagesOfEvent)), 1);
            return;
        }
        // one Redis round trip per processor batch: published when the batch commits (before the token does);
        // a failure rolls the batch back and the processor retries it
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<PushStore.EventMessages> pending = batch.getOrComputeResource(PENDING, key -> {
            List<PushStore.EventMessages> list = new ArrayList<>();
            batch.onPrepareCommit(u -> count(store.publish(list), list.size()));
            return list;
        });
        pending.add(messagesOfEvent);
    }

    private void count(int written, int events) {
        if (written == 0) {
            duplicates.increment(events);
        } else {
            published.increment(written);
        }
    }
}
