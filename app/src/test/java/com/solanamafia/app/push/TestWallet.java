package com.solanamafia.app.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.api.chain.Base58;
import com.solanamafia.api.chain.Wallet;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;

/** A fresh ed25519 key pair playing a Solana wallet; signs like a wallet's signMessage (raw message bytes). */
final class TestWallet {
    final KeyPair keys;
    final Wallet wallet;

    TestWallet() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] x509 = keys.getPublic().getEncoded(); // 12-byte prefix + 32-byte key
        wallet = Wallet.ofBytes(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    String sign(String message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base58.encode(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {"type":"auth","wallet","signature","nonce"} for a challenge message the server sent. */
    ObjectNode authMessage(JsonNode challenge) {
        String text = "solana-mafia:ws-auth:" + challenge.path("nonce").asText() + ":" + challenge.path("expiresAt").asText();
        if (!text.equals(challenge.path("message").asText())) {
            throw new AssertionError("challenge message is not the documented format: " + challenge);
        }
        return WsClient.JSON.createObjectNode().put("type", "auth").put("wallet", wallet.base58())
                .put("signature", sign(text)).put("nonce", challenge.path("nonce").asText());
    }

    String channel() {
        return "player:" + wallet.base58();
    }
}
