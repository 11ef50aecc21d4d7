package com.solanamafia.ingest.pipeline;

/** The newest transaction applied for a program, in chain order. */
public record Checkpoint(String programId, String lastSignature, long lastSlot, long transactionsApplied,
                         long eventsApplied) {
}
