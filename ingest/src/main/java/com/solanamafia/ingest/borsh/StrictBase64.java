package com.solanamafia.ingest.borsh;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648) as the Solana runtime prints it: padded, no whitespace, and no stray bits in
 * the last character, so one payload has exactly one accepted text form.
 */
public final class StrictBase64 {
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private StrictBase64() {
    }

    public static byte[] decode(String text) {
        int n = text.length();
        if (n % 4 != 0) {
            throw new DecodeException("invalid base64: length " + n + " is not a multiple of 4");
        }
        byte[] out;
        try {
            out = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("invalid base64: " + e.getMessage());
        }
        if (n > 0 && text.charAt(n - 1) == '=') {
            boolean two = text.charAt(n - 2) == '=';
            int last = sextet(text.charAt(n - (two ? 3 : 2)));
            if ((last & (two ? 0x0F : 0x03)) != 0) {
                throw new DecodeException("invalid base64: non-zero padding bits in the last character");
            }
        }
        return out;
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }
}
