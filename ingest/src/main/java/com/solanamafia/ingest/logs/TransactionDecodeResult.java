package com.solanamafia.ingest.logs;

import java.util.List;

/**
 * What one transaction's logs held for our programs, in log order. A failed transaction
 * ({@code failedTransaction}) has no events: its effects were rolled back. {@code truncated} means the
 * runtime cut the logs ("Log truncated"), so events may be missing.
 */
public record TransactionDecodeResult(List<DecodedEvent> events, List<DecodeFailure> failures,
                                      List<UnknownEvent> unknown, boolean truncated, boolean failedTransaction) {
    public TransactionDecodeResult {
        events = List.copyOf(events);
        failures = List.copyOf(failures);
        unknown = List.copyOf(unknown);
    }

    public boolean hasProblems() {
        return !failures.isEmpty() || !unknown.isEmpty() || truncated;
    }
}
