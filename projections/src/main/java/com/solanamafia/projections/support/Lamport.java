package com.solanamafia.projections.support;

import com.solanamafia.api.chain.Lamports;

import java.math.BigInteger;

/** NUMERIC columns to {@link Lamports}. */
public final class Lamport {
    private Lamport() {
    }

    /** Null stays null. */
    public static Lamports orNull(BigInteger value) {
        return value == null ? null : new Lamports(value.max(BigInteger.ZERO));
    }

    /** Null reads as zero. */
    public static Lamports orZero(BigInteger value) {
        return value == null ? Lamports.ZERO : new Lamports(value.max(BigInteger.ZERO));
    }

    public static BigInteger value(Lamports lamports) {
        return lamports == null ? null : lamports.value();
    }

    /** A cursor that a query record carries; the controllers have already checked it. */
    public static long cursorOr(String cursor, long fallback) {
        if (cursor == null || cursor.isBlank()) {
            return fallback;
        }
        return Long.parseLong(cursor);
    }
}
