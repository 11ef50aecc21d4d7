package com.solanamafia.ingest.idl;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The 8 bytes that prefix Anchor instruction data, account data and event payloads. */
public final class Discriminator {
    public static final int LENGTH = 8;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final long key;

    private Discriminator(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a discriminator has 8 bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.key = keyOf(this.bytes, 0);
    }

    public static Discriminator of(byte[] bytes) {
        return new Discriminator(bytes);
    }

    public static Discriminator ofUnsignedBytes(List<Integer> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            int v = values.get(i);
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("discriminator byte out of range: " + v);
            }
            bytes[i] = (byte) v;
        }
        return new Discriminator(bytes);
    }

    /** The first 8 bytes at {@code offset} read as a little-endian long: a cheap lookup key. */
    public static long keyOf(byte[] data, int offset) {
        long k = 0;
        for (int i = LENGTH - 1; i >= 0; i--) {
            k = (k << 8) | (data[offset + i] & 0xFFL);
        }
        return k;
    }

    public static String hexOf(byte[] data, int offset) {
        return HEX.formatHex(data, offset, offset + LENGTH);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public long key() {
        return key;
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discriminator d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key);
    }

    @Override
    public String toString() {
        return hex();
    }
}
