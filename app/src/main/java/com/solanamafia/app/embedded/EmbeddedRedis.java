package com.solanamafia.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Redis binary run by the app itself when no REDIS_URL is configured (the local default).
 * The process is started here rather than through the library's {@code RedisServer}, which stops Redis from its
 * own JVM shutdown hook while the push processor may still be writing to it; Spring closes this bean last instead.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path pidFile;
    private final int port;

    private EmbeddedRedis(Process process, Path pidFile, int port) {
        this.process = process;
        this.pidFile = pidFile;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        Orphans.stop(pidFile, "redis-server");
        int port = freePort();
        List<String> command = List.of(ExecutableProvider.newJarResourceProvider().get().getAbsolutePath(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dataDir.toAbsolutePath().toString(),
                "--appendonly", "yes", "--save", "", "--daemonize", "no", "--protected-mode", "yes");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        awaitReady(process);
        return new EmbeddedRedis(process, pidFile, port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        Orphans.terminate(process.toHandle(), "redis-server", Duration.ofSeconds(10));
        Files.deleteIfExists(pidFile);
    }

    /** Waits for Redis to say it is ready, then keeps draining its output into our log so the pipe never fills. */
    private static void awaitReady(Process process) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            String last = "";
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.debug("redis: {}", line);
                    last = line;
                    if (line.contains("Ready to accept connections")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                log.debug("Embedded Redis output closed", e);
            }
            ready.completeExceptionally(new IOException("Embedded Redis stopped; its last words: " + last));
        }, "embedded-redis-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Embedded Redis did not start", e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Embedded Redis was not ready within " + READY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("Interrupted while starting embedded Redis", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
