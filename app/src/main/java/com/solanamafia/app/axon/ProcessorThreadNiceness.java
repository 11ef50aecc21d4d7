package com.solanamafia.app.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the pooled event processors' threads (read models, the earnings saga) and db-scheduler's (the saga's deadlines,
 * the earnings submitter: work due in minutes, not milliseconds) at a higher nice value than the rest of the app, so
 * that where ingestion, the API and push share cores with them, a backlog of that work waits for those instead of
 * delaying them (BENCHMARKS.md, "Ingest"). Linux only: every few seconds the threads of this process named
 * {@code WorkPackage[...]}, {@code Coordinator[...]} (push has its own, differently named processor) or
 * {@code db-scheduler-...} that are new get {@code renice}d. Making one's own threads nicer needs no privilege. Off
 * unless {@code solana-mafia.processors.niceness} is above 0.
 */
@Component
@ConditionalOnExpression("${solana-mafia.processors.niceness:0} > 0")
class ProcessorThreadNiceness implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ProcessorThreadNiceness.class);
    private static final Path TASKS = Path.of("/proc/self/task");

    private final int niceness;
    private final Set<String> reniced = new HashSet<>();
    private final ScheduledExecutorService scanner;
    private volatile boolean running;

    ProcessorThreadNiceness(@Value("${solana-mafia.processors.niceness}") int niceness) {
        this.niceness = Math.min(19, niceness);
        this.scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "processor-niceness");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void start() {
        if (!Files.isDirectory(TASKS)) {
            log.warn("solana-mafia.processors.niceness: no /proc/self/task here (not Linux); processor threads keep their priority");
            return;
        }
        scanner.scheduleWithFixedDelay(this::reniceNewThreads, 0, 5, TimeUnit.SECONDS);
        running = true;
    }

    void reniceNewThreads() {
        try {
            Set<String> alive = new HashSet<>();
            List<String> fresh = new ArrayList<>();
            try (Stream<Path> tasks = Files.list(TASKS)) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String tid = task.getFileName().toString();
                    String name = threadName(task);
                    if (name.startsWith("WorkPackage[") || name.startsWith("Coordinator[")
                            || name.startsWith("db-scheduler")) {
                        alive.add(tid);
                        if (!reniced.contains(tid)) {
                            fresh.add(tid);
                        }
                    }
                }
            }
            reniced.retainAll(alive);
            if (!fresh.isEmpty()) {
                renice(fresh);
                reniced.addAll(fresh);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not renice the event processors' threads ({}); they keep their priority", e.toString());
            scanner.shutdown();
        }
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";   // the thread ended meanwhile
        }
    }

    private void renice(List<String> tids) throws IOException {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(niceness), "-p"));
        command.addAll(tids);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("renice " + tids + ": " + output.trim());
            }
            log.debug("Processor threads {} now at nice {}", tids, niceness);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        scanner.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
