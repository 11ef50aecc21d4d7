package com.solanamafia.ingest.borsh;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.ingest.idl.IdlType.Kind;

import java.math.BigInteger;
import java.util.Base64;

/** Integers, bool, string, pubkey, bytes and floats. Integers of every width are decimal strings. */
final class PrimitiveCodec extends ValueCodec {
    private static final String[] SMALL = new String[256];
    private static final BigInteger TWO = BigInteger.TWO;

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    private final Kind kind;

    PrimitiveCodec(Kind kind) {
        this.kind = kind;
    }

    @Override
    Object read(BorshReader r) {
        switch (kind) {
            case U8:
                return SMALL[r.u8()];
            case I8:
                return Integer.toString(r.i8());
            case U16:
                return Integer.toString(r.u16());
            case I16:
                return Integer.toString(r.i16());
            case U32:
                return Long.toString(r.u32());
            case I32:
                return Integer.toString(r.i32());
            case U64:
                return Long.toUnsignedString(r.i64());
            case I64:
                return Long.toString(r.i64());
            case U128: {
                long[] v = r.raw128();
                return v[1] == 0 ? Long.toUnsignedString(v[0]) : BorshReader.toBigInteger(v[0], v[1], false).toString();
            }
            case I128: {
                long[] v = r.raw128();
                return v[1] == (v[0] >> 63) ? Long.toString(v[0]) : BorshReader.toBigInteger(v[0], v[1], true).toString();
            }
            case F32:
                return (double) r.f32();
            case F64:
                return r.f64();
            case BOOL:
                return r.bool();
            case STRING:
                return r.string();
            case PUBKEY:
                return r.pubkeyBase58();
            case BYTES:
                return Base64.getEncoder().encodeToString(r.bytes());
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    @Override
    void write(BorshWriter w, Object value) {
        switch (kind) {
            case U8 -> w.littleEndian(integer(value, 8, false), 1);
            case I8 -> w.littleEndian(integer(value, 8, true), 1);
            case U16 -> w.littleEndian(integer(value, 16, false), 2);
            case I16 -> w.littleEndian(integer(value, 16, true), 2);
            case U32 -> w.littleEndian(integer(value, 32, false), 4);
            case I32 -> w.littleEndian(integer(value, 32, true), 4);
            case U64 -> w.littleEndian(integer(value, 64, false), 8);
            case I64 -> w.littleEndian(integer(value, 64, true), 8);
            case U128 -> w.littleEndian(integer(value, 128, false), 16);
            case I128 -> w.littleEndian(integer(value, 128, true), 16);
            case F32 -> w.f32(number(value).floatValue());
            case F64 -> w.f64(number(value).doubleValue());
            case BOOL -> {
                if (!(value instanceof Boolean b)) {
                    throw new EncodeException("bool must be true or false, got " + typeOf(value));
                }
                w.bool(b);
            }
            case STRING -> {
                if (!(value instanceof String s)) {
                    throw new EncodeException("string expected, got " + typeOf(value));
                }
                w.string(s);
            }
            case PUBKEY -> w.raw(pubkey(value));
            case BYTES -> w.bytes(bytes(value));
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    @Override
    int minSize() {
        return switch (kind) {
            case U8, I8, BOOL -> 1;
            case U16, I16 -> 2;
            case U32, I32, F32, STRING, BYTES -> 4;
            case U64, I64, F64 -> 8;
            case U128, I128 -> 16;
            case PUBKEY -> 32;
        };
    }

    @Override
    String describe() {
        return kind.idlName();
    }

    /** Accepts a canonical decimal string (the normalized form) or a Java integer type, and checks the range. */
    private BigInteger integer(Object value, int bits, boolean signed) {
        BigInteger v;
        if (value instanceof String s) {
            if (!isCanonicalDecimal(s)) {
                throw new EncodeException(describe() + " must be a decimal integer string, got \"" + s + "\"");
            }
            v = new BigInteger(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            v = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            v = b;
        } else {
            throw new EncodeException(describe() + " must be a decimal integer string, got " + typeOf(value));
        }
        BigInteger min = signed ? TWO.pow(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? TWO.pow(bits - 1).subtract(BigInteger.ONE) : TWO.pow(bits).subtract(BigInteger.ONE);
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new EncodeException(v + " is out of range for " + describe());
        }
        return v;
    }

    static boolean isCanonicalDecimal(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int n = s.length();
        if (n == start) {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (s.charAt(start) == '0' && n - start > 1) {
            return false;
        }
        return !(start == 1 && n == 2 && s.charAt(1) == '0');
    }

    private Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw new EncodeException(describe() + " must be a number, got " + typeOf(value));
    }

    private static byte[] pubkey(Object value) {
        if (value instanceof byte[] b && b.length == 32) {
            return b;
        }
        if (value instanceof com.solanamafia.api.chain.Wallet w) {
            return w.bytes();
        }
        if (!(value instanceof String s)) {
            throw new EncodeException("pubkey must be a base58 string, got " + typeOf(value));
        }
        byte[] bytes;
        try {
            bytes = Base58.decode(s);
        } catch (IllegalArgumentException e) {
            throw new EncodeException("pubkey is not base58: " + e.getMessage());
        }
        if (bytes.length != 32) {
            throw new EncodeException("pubkey \"" + s + "\" decodes to " + bytes.length + " bytes, not 32");
        }
        return bytes;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof String s) {
            try {
                return StrictBase64.decode(s);
            } catch (DecodeException e) {
                throw new EncodeException("bytes must be base64: " + e.getMessage());
            }
        }
        throw new EncodeException("bytes must be a base64 string, got " + typeOf(value));
    }
}
