package com.solanamafia.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real Redis server for tests: the one named by {@code TEST_REDIS_URL} (as .ci/run sets it), or else an
 * embedded Redis binary started once per JVM.
 */
public final class TestRedis {
    private static String url;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            String configured = System.getenv("TEST_REDIS_URL");
            url = configured != null && !configured.isBlank() ? configured : startEmbedded();
        }
        return url;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    private static String startEmbedded() {
        try {
            int port = FreePorts.any();
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis and TEST_REDIS_URL is not set", e);
        }
    }
}
