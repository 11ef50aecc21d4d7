package com.solanamafia.ingest.quarantine;

import java.time.Instant;

/** A program event that could not become a domain event, kept with its raw log line and the reason. */
public record QuarantineItem(long id, String programId, String signature, String instructionPath, Integer ordinal,
                             long slot, Long blockTime, String kind, String rawLine, String reason, String status,
                             Instant createdAt, Instant resolvedAt) {
    public static final String UNDECODABLE = "undecodable";
    public static final String UNKNOWN_EVENT = "unknown-event";
    public static final String UNMAPPABLE = "unmappable";
}
