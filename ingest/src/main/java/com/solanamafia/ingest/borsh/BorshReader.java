package com.solanamafia.ingest.borsh;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A strict little-endian Borsh reader over a byte array. Every read checks the bytes are there. */
public final class BorshReader {
    private final byte[] data;
    private final int end;
    private int pos;

    public BorshReader(byte[] data) {
        this(data, 0, data.length);
    }

    public BorshReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + data.length + " bytes");
        }
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n, String what) {
        if (end - pos < n) {
            throw new DecodeException("need " + n + " bytes for " + what + " at offset " + pos + ", only "
                    + (end - pos) + " left");
        }
    }

    /** Fails when bytes are left over: a payload longer than its layout is not the event it claims to be. */
    public void expectEnd() {
        if (pos != end) {
            throw new DecodeException((end - pos) + " trailing bytes after the end of the layout at offset " + pos);
        }
    }

    public int u8() {
        need(1, "u8");
        return data[pos++] & 0xFF;
    }

    public byte i8() {
        need(1, "i8");
        return data[pos++];
    }

    public int u16() {
        need(2, "u16");
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public short i16() {
        need(2, "i16");
        short v = (short) ((data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8);
        pos += 2;
        return v;
    }

    public int i32() {
        need(4, "i32");
        return rawInt();
    }

    public long u32() {
        need(4, "u32");
        return rawInt() & 0xFFFFFFFFL;
    }

    private int rawInt() {
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16 | (data[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** The 64 bits of an i64 or u64; for a u64 read them with {@link Long#toUnsignedString(long)}. */
    public long i64() {
        need(8, "64-bit integer");
        return rawLong();
    }

    private long rawLong() {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xFFL);
        }
        pos += 8;
        return v;
    }

    public BigInteger u128() {
        need(16, "u128");
        long lo = rawLong();
        long hi = rawLong();
        return toBigInteger(lo, hi, false);
    }

    public BigInteger i128() {
        need(16, "i128");
        long lo = rawLong();
        long hi = rawLong();
        return toBigInteger(lo, hi, true);
    }

    /** Reads 16 bytes as {lo, hi} 64-bit halves, for callers that want to avoid a BigInteger. */
    public long[] raw128() {
        need(16, "128-bit integer");
        long lo = rawLong();
        long hi = rawLong();
        return new long[]{lo, hi};
    }

    static BigInteger toBigInteger(long lo, long hi, boolean signed) {
        byte[] be = new byte[17];
        for (int i = 0; i < 8; i++) {
            be[16 - i] = (byte) (lo >>> (8 * i));
            be[8 - i] = (byte) (hi >>> (8 * i));
        }
        be[0] = (byte) (signed && hi < 0 ? 0xFF : 0);
        return new BigInteger(be);
    }

    public float f32() {
        return Float.intBitsToFloat(i32());
    }

    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    public boolean bool() {
        need(1, "bool");
        int b = data[pos] & 0xFF;
        if (b > 1) {
            throw new DecodeException("bool byte must be 0 or 1, got " + b + " at offset " + pos);
        }
        pos++;
        return b == 1;
    }

    /** A 1-byte option tag: false for None, true for Some. */
    public boolean optionTag() {
        need(1, "option tag");
        int b = data[pos] & 0xFF;
        if (b > 1) {
            throw new DecodeException("option tag must be 0 or 1, got " + b + " at offset " + pos);
        }
        pos++;
        return b == 1;
    }

    public byte[] fixedBytes(int n) {
        need(n, n + "-byte value");
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** A u32 length prefix that must not claim more bytes than are left. */
    public int length(String what) {
        long n = u32();
        if (n > end - pos) {
            throw new DecodeException(what + " length " + n + " at offset " + (pos - 4) + " exceeds the "
                    + (end - pos) + " bytes left");
        }
        return (int) n;
    }

    public byte[] bytes() {
        return fixedBytes(length("bytes"));
    }

    /** A u32-length-prefixed string that must be valid UTF-8. */
    public String string() {
        int n = length("string");
        int start = pos;
        boolean ascii = true;
        for (int i = start; i < start + n; i++) {
            if (data[i] < 0) {
                ascii = false;
                break;
            }
        }
        pos += n;
        if (ascii) {
            return new String(data, start, n, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(data, start, n));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException("string at offset " + start + " is not valid UTF-8");
        }
    }

    /** The 32 raw bytes of a public key. */
    public byte[] pubkey() {
        return fixedBytes(32);
    }

    /** The base58 text of a public key, without copying the bytes first. */
    public String pubkeyBase58() {
        need(32, "pubkey");
        String s = FastBase58.encode(data, pos, 32);
        pos += 32;
        return s;
    }
}
