package com.solanamafia.api.chain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigInteger;

/**
 * An exact amount of lamports: an unsigned 64-bit integer on chain, which does not fit a signed long.
 * Serialized as a decimal JSON string. Sums (totals over many events) may exceed u64, so arithmetic
 * here is unbounded; only {@link #ofU64} enforces the on-chain range.
 */
public record Lamports(BigInteger value) implements Comparable<Lamports> {
    public static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    public static final Lamports ZERO = new Lamports(BigInteger.ZERO);

    public Lamports {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("lamports cannot be negative: " + value);
        }
    }

    @JsonCreator
    public static Lamports parse(String decimal) {
        return new Lamports(new BigInteger(decimal));
    }

    public static Lamports of(long value) {
        return new Lamports(BigInteger.valueOf(value));
    }

    /** The raw bits of a Borsh u64, read as unsigned. */
    public static Lamports ofUnsignedLong(long bits) {
        return new Lamports(new BigInteger(Long.toUnsignedString(bits)));
    }

    public static Lamports ofU64(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
            throw new IllegalArgumentException("not a u64: " + value);
        }
        return new Lamports(value);
    }

    public Lamports plus(Lamports other) {
        return new Lamports(value.add(other.value));
    }

    /** Subtracts, stopping at zero (the chain's saturating_sub). */
    public Lamports minusSaturating(Lamports other) {
        BigInteger result = value.subtract(other.value);
        return result.signum() < 0 ? ZERO : new Lamports(result);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public int compareTo(Lamports other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    public String toJson() {
        return value.toString();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
