package com.solanamafia.api.chain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * A chain timestamp exactly as the program emitted it: signed unix seconds (i64; HEAD account fields are u32).
 * Kept raw because every i64 is a legal chain value but not every i64 fits {@link Instant} (test vectors hold
 * values such as -423609452663539833). {@link #instant()} is the usable view: null when the chain says 0
 * ("unset") or the value is outside Instant's range. Serialized as a JSON number.
 */
public record UnixTime(long seconds) {
    public static final UnixTime UNSET = new UnixTime(0);

    @JsonCreator
    public static UnixTime ofSeconds(long seconds) {
        return new UnixTime(seconds);
    }

    public static UnixTime of(Instant instant) {
        return instant == null ? UNSET : new UnixTime(instant.getEpochSecond());
    }

    @JsonValue
    @Override
    public long seconds() {
        return seconds;
    }

    public boolean isSet() {
        return seconds != 0;
    }

    /** The instant, or null when unset (0) or outside {@link Instant}'s range. */
    public Instant instant() {
        if (seconds == 0 || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return Long.toString(seconds);
    }
}
