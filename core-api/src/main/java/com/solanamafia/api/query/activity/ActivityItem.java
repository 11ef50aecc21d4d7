package com.solanamafia.api.query.activity;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * One domain event about the player: its event-store position, type (the event record's name, e.g.
 * BusinessPurchased), chain position, slot and block time, and the event's own fields as JSON ({@code details}).
 */
public record ActivityItem(
        long eventPosition,
        String type,
        String signature,
        String instructionPath,
        int ordinal,
        long slot,
        Instant blockTime,
        Instant recordedAt,
        @JsonRawValue String details) {
}
