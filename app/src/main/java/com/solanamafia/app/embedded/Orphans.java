package com.solanamafia.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A previous run killed with -9 leaves its embedded server running on our data directory: stop it first. */
final class Orphans {
    private static final Logger log = LoggerFactory.getLogger(Orphans.class);

    private Orphans() {
    }

    /**
     * Stops the process named by the first line of the pid file, if it is still running and its command mentions
     * {@code binary} (a reused pid belonging to something else is left alone), then deletes the pid file.
     */
    static void stop(Path pidFile, String binary) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            long pid = Long.parseLong(firstLine);
            ProcessHandle.of(pid)
                    .filter(process -> process.info().command().map(command -> command.contains(binary)).orElse(false))
                    .ifPresent(process -> {
                        log.warn("Stopping {} (pid {}) left running by an earlier run", binary, pid);
                        terminate(process, binary, Duration.ofSeconds(15));
                    });
        } catch (NumberFormatException e) {
            log.warn("Ignoring unreadable {}", pidFile);
        }
        Files.deleteIfExists(pidFile);
    }

    /** SIGTERM, then SIGKILL if the process has not exited within {@code grace}; returns once it is gone. */
    static void terminate(ProcessHandle process, String name, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("{} (pid {}) ignored SIGTERM for {}: killing it", name, process.pid(), grace);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
