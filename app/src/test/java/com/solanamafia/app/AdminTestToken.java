package com.solanamafia.app;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An admin bearer token for tests, configured the way operators configure theirs: as a SHA-256 hash. */
public final class AdminTestToken {
    public static final String TOKEN = "test-admin-token";

    private AdminTestToken() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("solana-mafia.admin.tokens[0].name", () -> "tests");
        registry.add("solana-mafia.admin.tokens[0].sha256", () -> sha256(TOKEN));
        registry.add("solana-mafia.admin.tokens[0].roles", () -> "admin:read,admin:write");
    }

    public static String header() {
        return "Bearer " + TOKEN;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
