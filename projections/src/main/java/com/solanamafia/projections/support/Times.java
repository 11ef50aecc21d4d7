package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.UnixTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Time conversions for read-model columns (TIMESTAMP WITH TIME ZONE, always written in UTC). */
public final class Times {
    private Times() {
    }

    public static OffsetDateTime utc(Instant instant) {
        // as instant.atOffset(UTC), without the ZoneRules object that builds for every call
        return instant == null ? null : OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(),
                instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
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

    public static OffsetDateTime now() {
        return utc(Instant.now());
    }
}
