package com.solanamafia.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Micrometer meters of ingestion: events/s come from the counters' rates, lag from the gauge. */
public class IngestMetrics {
    private final Counter events;
    private final Counter transactions;
    private final Counter failed;
    private final Counter truncated;
    private final Counter quarantined;
    private final Counter fromNotification;
    private final Timer liveLatency;
    private final AtomicLong slotLag = new AtomicLong();

    public IngestMetrics(MeterRegistry meters) {
        events = Counter.builder("ingest.events").description("program events recorded as domain events").register(meters);
        transactions = Counter.builder("ingest.transactions").description("transactions applied").register(meters);
        failed = Counter.builder("ingest.transactions.failed").description("failed transactions (no events)").register(meters);
        truncated = Counter.builder("ingest.transactions.truncated").description("transactions with truncated logs").register(meters);
        quarantined = Counter.builder("ingest.quarantined").description("events put in quarantine").register(meters);
        fromNotification = Counter.builder("ingest.transactions.notified")
                .description("transactions taken with the logs of their notification instead of fetched (again if a window is retried)").register(meters);
        liveLatency = Timer.builder("ingest.live.latency")
                .description("from a transaction's logsSubscribe notification to the commit of its domain events")
                .publishPercentileHistogram().serviceLevelObjectives(Duration.ofMillis(200))
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1)).register(meters);
        Gauge.builder("ingest.lag.slots", slotLag, AtomicLong::get).description("slots behind the cluster head").register(meters);
    }

    void applied(TransactionApplier.BatchResult result) {
        transactions.increment(result.transactions());
        events.increment(result.events());
    }

    void failedTransaction() {
        failed.increment();
    }

    void truncatedTransaction() {
        truncated.increment();
    }

    void quarantined() {
        quarantined.increment();
    }

    void fromNotification() {
        fromNotification.increment();
    }

    void liveLatency(long nanos) {
        liveLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void lag(long slots) {
        slotLag.set(Math.max(0, slots));
    }
}
