package com.solanamafia.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicLong;

/** Micrometer meters of ingestion: events/s come from the counters' rates, lag from the gauge. */
public class IngestMetrics {
    private final Counter events;
    private final Counter transactions;
    private final Counter failed;
    private final Counter truncated;
    private final Counter quarantined;
    private final AtomicLong slotLag = new AtomicLong();

    public IngestMetrics(MeterRegistry meters) {
        events = Counter.builder("ingest.events").description("program events recorded as domain events").register(meters);
        transactions = Counter.builder("ingest.transactions").description("transactions applied").register(meters);
        failed = Counter.builder("ingest.transactions.failed").description("failed transactions (no events)").register(meters);
        truncated = Counter.builder("ingest.transactions.truncated").description("transactions with truncated logs").register(meters);
        quarantined = Counter.builder("ingest.quarantined").description("events put in quarantine").register(meters);
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

    void lag(long slots) {
        slotLag.set(Math.max(0, slots));
    }
}
