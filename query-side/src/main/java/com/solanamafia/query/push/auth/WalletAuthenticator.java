package com.solanamafia.query.push.auth;

import com.solanamafia.api.chain.Base58;
import com.solanamafia.api.chain.Wallet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Issues challenges and checks ed25519 signatures of them (JDK 17 "Ed25519", no extra library). */
public class WalletAuthenticator {
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration ttl;

    public WalletAuthenticator(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Challenge issue() {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        if (!expires.isAfter(now)) {
            expires = expires.plusSeconds(1);
        }
        return new Challenge(Base58.encode(nonce), expires);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The outcome of one auth attempt. */
    public enum Result { OK, EXPIRED, BAD_SIGNATURE }

    /** Checks a base58 signature of the challenge message by the wallet; the challenge must be unexpired. */
    public Result verify(Challenge challenge, Wallet wallet, String signatureBase58) {
        if (challenge.expiredAt(clock.instant())) {
            return Result.EXPIRED;
        }
        return verifySignature(wallet.bytes(), challenge.message().getBytes(StandardCharsets.UTF_8), signatureBase58)
                ? Result.OK : Result.BAD_SIGNATURE;
    }

    static boolean verifySignature(byte[] publicKey, byte[] message, String signatureBase58) {
        byte[] signature;
        try {
            signature = Base58.decode(signatureBase58);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signature.length != 64 || publicKey.length != 32) {
            return false;
        }
        try {
            byte[] encoded = new byte[X509_PREFIX.length + 32];
            System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
            System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
