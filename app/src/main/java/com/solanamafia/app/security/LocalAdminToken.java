package com.solanamafia.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * On the local default (chain simulator, nothing configured) a newcomer still gets into the admin API: a random
 * token is made for this run and printed once. Against a real cluster no token is ever made up: without
 * configured tokens the admin API stays closed.
 */
final class LocalAdminToken {
    private static final Logger log = LoggerFactory.getLogger(LocalAdminToken.class);

    private LocalAdminToken() {
    }

    static AdminProperties orConfigured(AdminProperties configured, boolean localDefault) {
        if (!configured.tokens().isEmpty() || !localDefault) {
            if (configured.tokens().isEmpty()) {
                log.warn("No admin tokens configured (solana-mafia.admin.tokens): the admin API answers 401 to everyone");
            }
            return configured;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        log.warn("Local default: generated an admin token for this run only: {}  (use: curl -H 'Authorization: Bearer {}' "
                + "localhost:8080/api/v1/admin/ingest/status)", token, token);
        return new AdminProperties(List.of(new AdminProperties.Token("local", sha256(token), List.of("admin:read", "admin:write"))));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
