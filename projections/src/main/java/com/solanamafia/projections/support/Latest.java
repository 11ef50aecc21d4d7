package com.solanamafia.projections.support;

import java.time.OffsetDateTime;

/** SQL's {@code greatest(coalesce(current, candidate), candidate)} on timestamps: the later one, nulls ignored. */
public final class Latest {
    private Latest() {
    }

    public static OffsetDateTime of(OffsetDateTime current, OffsetDateTime candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return candidate.toInstant().isAfter(current.toInstant()) ? candidate : current;
    }
}
