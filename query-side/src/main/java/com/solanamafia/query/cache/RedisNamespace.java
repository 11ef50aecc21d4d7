package com.solanamafia.query.cache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The prefix of the query side's Redis keys: {@code sm:<namespace>:}, the namespace being
 * {@code solana-mafia.api.redis-namespace} or else a hash of the database URL. Instances of one deployment share
 * their database and so their cache entries and rate-limit buckets; deployments (or test databases) that share a
 * Redis server never see each other's entries.
 */
@Component
public class RedisNamespace {
    private final String prefix;

    public RedisNamespace(@Value("${solana-mafia.api.redis-namespace:}") String configured,
                          @Value("${spring.datasource.url:embedded}") String database) {
        String namespace = configured == null || configured.isBlank() ? hash(database) : configured;
        this.prefix = "sm:" + namespace + ":";
    }

    public String key(String suffix) {
        return prefix + suffix;
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
