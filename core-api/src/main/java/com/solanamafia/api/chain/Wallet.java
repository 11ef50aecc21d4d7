package com.solanamafia.api.chain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Solana public key (32 bytes) in its base58 form; also used for mints and program ids. */
public record Wallet(String base58) {

    public Wallet {
        if (base58 == null || base58.isEmpty() || base58.length() > 44) {
            throw new InvalidWalletException("not a base58 32-byte public key: " + base58);
        }
        byte[] bytes;
        try {
            bytes = Base58.decode(base58);
        } catch (IllegalArgumentException e) {
            throw new InvalidWalletException("not a base58 32-byte public key: " + e.getMessage());
        }
        if (bytes.length != 32) {
            throw new InvalidWalletException("not a base58 32-byte public key: decodes to " + bytes.length + " bytes");
        }
    }

    @JsonCreator
    public static Wallet of(String base58) {
        return new Wallet(base58);
    }

    public static Wallet ofBytes(byte[] key) {
        if (key.length != 32) {
            throw new InvalidWalletException("a public key has 32 bytes, got " + key.length);
        }
        return new Wallet(Base58.encode(key));
    }

    public static boolean isValid(String base58) {
        try {
            new Wallet(base58);
            return true;
        } catch (InvalidWalletException e) {
            return false;
        }
    }

    public byte[] bytes() {
        return Base58.decode(base58);
    }

    @JsonValue
    @Override
    public String base58() {
        return base58;
    }

    @Override
    public String toString() {
        return base58;
    }

    public static final class InvalidWalletException extends IllegalArgumentException {
        public InvalidWalletException(String message) {
            super(message);
        }
    }
}
