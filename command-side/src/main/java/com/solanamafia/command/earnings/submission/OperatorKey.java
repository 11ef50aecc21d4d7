package com.solanamafia.command.earnings.submission;

import com.solanamafia.api.chain.Base58;
import org.p2p.solanaj.utils.TweetNaclFast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The operator's ed25519 keypair, which signs (and pays for) earnings updates. Loaded from a Solana CLI keypair file
 * (JSON array of 64 bytes: 32-byte seed then public key) or from a secret in the environment (the same JSON array, or
 * base58 of the 64 bytes). The public half is checked against the seed. The secret is never logged:
 * {@link #toString()} shows the public key only.
 */
public final class OperatorKey {
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final String publicKey;
    private final PrivateKey privateKey;

    private OperatorKey(byte[] seed) {
        byte[] pub = TweetNaclFast.Signature.keyPair_fromSeed(seed).getPublicKey();
        this.publicKey = Base58.encode(pub);
        byte[] pkcs8 = new byte[PKCS8_PREFIX.length + 32];
        System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, 32);
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** From the 64 bytes of a Solana keypair (seed + public key) or a bare 32-byte seed. */
    public static OperatorKey ofBytes(byte[] keypair) {
        if (keypair.length != 64 && keypair.length != 32) {
            throw new IllegalArgumentException("an operator keypair has 64 bytes (or a 32-byte seed), got " + keypair.length);
        }
        OperatorKey key = new OperatorKey(Arrays.copyOf(keypair, 32));
        if (keypair.length == 64 && !key.publicKey.equals(Base58.encode(Arrays.copyOfRange(keypair, 32, 64)))) {
            throw new IllegalArgumentException("the keypair's public half does not match its secret half");
        }
        return key;
    }

    /** A Solana CLI keypair file (JSON array of 64 numbers). */
    public static OperatorKey fromFile(Path file) {
        try {
            return fromSecret(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator keypair file " + file, e);
        }
    }

    /** The JSON array form or base58 of the 64 bytes (e.g. from an environment secret). */
    public static OperatorKey fromSecret(String secret) {
        String s = secret.trim();
        if (s.startsWith("[")) {
            String[] parts = s.substring(1, s.length() - 1).split(",");
            byte[] bytes = new byte[parts.length];
            for (int i = 0; i < parts.length; i++) {
                int v = Integer.parseInt(parts[i].trim());
                if (v < 0 || v > 255) {
                    throw new IllegalArgumentException("keypair bytes must be 0..255");
                }
                bytes[i] = (byte) v;
            }
            return ofBytes(bytes);
        }
        return ofBytes(Base58.decode(s));
    }

    /** The Solana CLI JSON array text of a keypair made from {@code seed} (tests, tooling). */
    public static String cliJson(byte[] seed) {
        TweetNaclFast.Signature.KeyPair kp = TweetNaclFast.Signature.keyPair_fromSeed(seed);
        StringBuilder sb = new StringBuilder("[");
        byte[] all = kp.getSecretKey();
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : ",").append(all[i] & 0xff);
        }
        return sb.append(']').toString();
    }

    public String publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "OperatorKey[" + publicKey + "]";
    }
}
