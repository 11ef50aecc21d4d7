package com.solanamafia.api.chain;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin-alphabet Base58, as Solana uses for public keys and signatures. */
public final class Base58 {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] copy = Arrays.copyOf(input, input.length);
        char[] encoded = new char[copy.length * 2];
        int outputStart = encoded.length;
        for (int inputStart = zeros; inputStart < copy.length; ) {
            encoded[--outputStart] = ALPHABET[divmod(copy, inputStart, 256, 58)];
            if (copy[inputStart] == 0) {
                inputStart++;
            }
        }
        while (outputStart < encoded.length && encoded[outputStart] == ALPHABET[0]) {
            outputStart++;
        }
        while (--zeros >= 0) {
            encoded[--outputStart] = ALPHABET[0];
        }
        return new String(encoded, outputStart, encoded.length - outputStart);
    }

    /** @throws IllegalArgumentException when the text holds a character outside the alphabet */
    public static byte[] decode(String input) {
        int zeros = 0;   // each leading '1' is a zero byte
        while (zeros < input.length() && input.charAt(zeros) == ALPHABET[0]) {
            zeros++;
        }
        // The number in little-endian 32-bit limbs; each base58 digit holds log256(58) < 0.733 bytes.
        int[] limbs = new int[(int) (input.length() * 733L / 1000 + 1) / 4 + 1];
        int used = 0;
        for (int i = zeros; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "' at position " + i);
            }
            long carry = digit;
            for (int j = 0; j < used; j++) {
                carry += (limbs[j] & 0xFFFFFFFFL) * 58;
                limbs[j] = (int) carry;
                carry >>>= 32;
            }
            if (carry != 0) {
                limbs[used++] = (int) carry;
            }
        }
        int significant = used * 4;
        while (significant > 0 && (limbs[(significant - 1) / 4] >>> ((significant - 1) % 4 * 8) & 0xFF) == 0) {
            significant--;
        }
        byte[] out = new byte[zeros + significant];
        for (int b = 0; b < significant; b++) {
            out[out.length - 1 - b] = (byte) (limbs[b / 4] >>> (b % 4 * 8));
        }
        return out;
    }

    private static byte divmod(byte[] number, int firstDigit, int base, int divisor) {
        int remainder = 0;
        for (int i = firstDigit; i < number.length; i++) {
            int digit = (int) number[i] & 0xFF;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return (byte) remainder;
    }

    static BigInteger toBigInteger(String input) {
        return new BigInteger(1, decode(input));
    }
}
