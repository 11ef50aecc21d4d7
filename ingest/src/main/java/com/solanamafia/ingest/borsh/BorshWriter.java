package com.solanamafia.ingest.borsh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A little-endian Borsh writer into a growing byte array. */
public final class BorshWriter {
    private byte[] buf;
    private int size;

    public BorshWriter() {
        this(64);
    }

    public BorshWriter(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, 16)];
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public BorshWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public BorshWriter u16(int v) {
        return littleEndian(v, 2);
    }

    public BorshWriter u32(long v) {
        return littleEndian(v, 4);
    }

    public BorshWriter i32(int v) {
        return littleEndian(v, 4);
    }

    public BorshWriter i64(long v) {
        return littleEndian(v, 8);
    }

    /** The low {@code bytes} bytes of {@code v}, least significant first. */
    public BorshWriter littleEndian(long v, int bytes) {
        ensure(bytes);
        for (int i = 0; i < bytes; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** The low {@code bytes} bytes of the two's complement of {@code v}, least significant first. */
    public BorshWriter littleEndian(BigInteger v, int bytes) {
        ensure(bytes);
        byte[] be = v.toByteArray();
        byte pad = (byte) (v.signum() < 0 ? 0xFF : 0);
        for (int i = 0; i < bytes; i++) {
            int j = be.length - 1 - i;
            buf[size++] = j >= 0 ? be[j] : pad;
        }
        return this;
    }

    public BorshWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public BorshWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    public BorshWriter bytes(byte[] bytes) {
        u32(bytes.length);
        return raw(bytes);
    }

    public BorshWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public BorshWriter f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    public BorshWriter f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }
}
