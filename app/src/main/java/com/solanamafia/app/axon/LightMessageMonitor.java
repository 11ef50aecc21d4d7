package com.solanamafia.app.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A message monitor for the hot paths (command bus, event store, event processors): one timer per outcome,
 * registered once. Axon's Micrometer monitors look their meters up (tags, distribution config, registry map) for
 * every message, which was 14 % of the backfill's apply thread and 11 % of the read models' CPU.
 */
final class LightMessageMonitor implements MessageMonitor<Message<?>> {
    private final Timer success;
    private final Timer failure;
    private final Counter ignored;
    /** For an event processor: milliseconds from the last event's storing to its handling; else null. */
    private final AtomicLong latency;

    LightMessageMonitor(MeterRegistry registry, String component) {
        this(registry, component, null);
    }

    private LightMessageMonitor(MeterRegistry registry, String component, AtomicLong latency) {
        this.success = Timer.builder("axon.messages").tag("component", component).tag("outcome", "success")
                .description("Messages handled by " + component).register(registry);
        this.failure = Timer.builder("axon.messages").tag("component", component).tag("outcome", "failure")
                .description("Messages handled by " + component).register(registry);
        this.ignored = Counter.builder("axon.messages.ignored").tag("component", component).register(registry);
        this.latency = latency;
    }

    /** Also gauges {@code axon.processor.latency}: how long ago the event the processor last took was stored. */
    static LightMessageMonitor forProcessor(MeterRegistry registry, String processor) {
        AtomicLong latency = new AtomicLong();
        Gauge.builder("axon.processor.latency", latency, AtomicLong::get).tag("processor", processor).baseUnit("milliseconds")
                .description("Time from storing to handling of the last event the processor took").register(registry);
        return new LightMessageMonitor(registry, "eventProcessor." + processor, latency);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = System.nanoTime();
        if (latency != null && message instanceof EventMessage<?> event) {
            latency.set(Math.max(0, System.currentTimeMillis() - event.getTimestamp().toEpochMilli()));
        }
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                success.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                failure.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
    }
}
