package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.UnixTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Time conversions for read-model columns (TIMESTAMP WITH TIME ZONE, always written in UTC). */
public final class Times {
    /**
     * The instants converted lately (a small table by the instant's hash) and the last {@link #now()}, each shared by
     * the calls that follow with the same value: a replay converts the same block time for every event of a block,
     * and the same recording time, and stamps {@code updated_at} on every row it changes; each conversion is four
     * objects, which a row held in memory keeps alive (the garbage collector then copies them). Immutable, so any
     * thread may reuse one; a lost write only means a later call builds its own.
     */
    private static final Converted[] CONVERTED = new Converted[1 << 6];   // indexed by 6 bits of a hash
    private static volatile Converted lastNow = new Converted(Instant.EPOCH, convert(Instant.EPOCH));

    private record Converted(Instant instant, OffsetDateTime time) {
    }

    private Times() {
    }

    public static OffsetDateTime utc(Instant instant) {
        if (instant == null) {
            return null;
        }
        // mixed: Instant.hashCode would put a time and the same time a day later (86,400 s, a multiple of 64) together
        int slot = (int) ((instant.getEpochSecond() * 0x9E3779B97F4A7C15L + instant.getNano()) >>> 58);
        Converted known = CONVERTED[slot];
        if (known != null && known.instant().equals(instant)) {
            return known.time();
        }
        OffsetDateTime time = convert(instant);
        CONVERTED[slot] = new Converted(instant, time);
        return time;
    }

    private static OffsetDateTime convert(Instant instant) {
        // as instant.atOffset(UTC), without the ZoneRules object that builds for every call
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
                ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public static OffsetDateTime utc(UnixTime time) {
        return time == null ? null : utc(time.instant());
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** When it happened: the block time, else the program's own timestamp, else when we recorded it. */
    public static Instant when(ChainFact fact, UnixTime programTime, Instant recordedAt) {
        if (fact.blockTime() != null) {
            return fact.blockTime();
        }
        if (programTime != null && programTime.instant() != null) {
            return programTime.instant();
        }
        return recordedAt;
    }

    /** The current time to the millisecond (what a read model stamps on the rows it changes). */
    public static OffsetDateTime now() {
        long millis = System.currentTimeMillis();
        Converted last = lastNow;
        if (last.instant().toEpochMilli() == millis) {
            return last.time();
        }
        Instant instant = Instant.ofEpochMilli(millis);
        OffsetDateTime time = convert(instant);
        lastNow = new Converted(instant, time);
        return time;
    }
}
