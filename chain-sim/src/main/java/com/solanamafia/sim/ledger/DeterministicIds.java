package com.solanamafia.sim.ledger;

import com.solanamafia.api.chain.Base58;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Real-looking, reproducible identifiers: 64-byte signatures, 32-byte keys and blockhashes, all base58. */
public final class DeterministicIds {
    private DeterministicIds() {
    }

    /** A 64-byte signature derived from (seed, stream, counter). */
    public static String signature(long seed, String stream, long counter) {
        return Base58.encode(digest("SHA-512", seed, "sig/" + stream, counter));
    }

    /** A 32-byte public key derived from (seed, label, index); not on the curve, which nobody checks here. */
    public static String pubkey(long seed, String label, long index) {
        return Base58.encode(pubkeyBytes(seed, label, index));
    }

    public static byte[] pubkeyBytes(long seed, String label, long index) {
        return digest("SHA-256", seed, "key/" + label, index);
    }

    /** The blockhash of a slot; identical across runs, different per slot. */
    public static String blockhash(long slot) {
        return Base58.encode(digest("SHA-256", 0, "blockhash", slot));
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Anchor's 8-byte discriminator, e.g. {@code discriminator("global:create_business")}. */
    public static byte[] discriminator(String preimage) {
        return Arrays.copyOf(sha256(preimage.getBytes(StandardCharsets.UTF_8)), 8);
    }

    private static byte[] digest(String algorithm, long seed, String label, long counter) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter).array());
            md.update(label.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
