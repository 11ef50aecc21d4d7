package com.solanamafia.sim.earnings;

import com.solanamafia.api.chain.Base58;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Solana program-derived addresses as the runtime computes them: sha256(seeds || bump || program || "ProgramDerivedAddress"),
 * the first bump from 255 down whose hash is NOT a point on ed25519. The curve test decompresses y the way
 * curve25519-dalek does (y reduced mod p; x^2 = (y^2 - 1) / (d y^2 + 1) must be a square).
 */
public final class ProgramAddress {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger LEGENDRE = P.subtract(BigInteger.ONE).shiftRight(1);
    private static final byte[] MARKER = "ProgramDerivedAddress".getBytes(StandardCharsets.UTF_8);

    private ProgramAddress() {
    }

    /** The PDA of these seeds under {@code programId} (base58). */
    public static String find(String programId, byte[]... seeds) {
        byte[] program = Base58.decode(programId);
        for (int bump = 255; bump >= 0; bump--) {
            MessageDigest sha = sha256();
            for (byte[] seed : seeds) {
                sha.update(seed);
            }
            sha.update((byte) bump);
            sha.update(program);
            sha.update(MARKER);
            byte[] candidate = sha.digest();
            if (!isOnCurve(candidate)) {
                return Base58.encode(candidate);
            }
        }
        throw new IllegalStateException("no viable bump");
    }

    public static boolean isOnCurve(byte[] point) {
        byte[] le = point.clone();
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        BigInteger y = new BigInteger(1, be).mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        if (x2.signum() == 0) {
            return true;
        }
        return x2.modPow(LEGENDRE, P).equals(BigInteger.ONE);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
