package com.solanamafia.projections.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every instance runs one: it heartbeats in {@code replay_node}, and while a replay job holds processors (PAUSING,
 * SWITCHING) it stops this instance's processors of the job's read models and acknowledges; when the job is over
 * (DONE, FAILED, or abandoned by a crashed runner) it starts again the processors it stopped. An instance that starts
 * during a switch does the same on its first poll, so it respects the replay too (and cannot commit with a stale
 * claim anyway: the switch releases every claim, see {@link ProcessorState#moveTokens}).
 */
public class ReplayNodeAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayNodeAgent.class);

    private final ReplayJobs jobs;
    private final ProcessorControl processors;
    private final String node;
    private final Duration interval;
    private final Set<String> stoppedByUs = new HashSet<>();
    private ScheduledExecutorService executor;

    public ReplayNodeAgent(ReplayJobs jobs, ProcessorControl processors, String node, Duration interval) {
        this.jobs = jobs;
        this.processors = processors;
        this.node = node;
        this.interval = interval;
    }

    public String node() {
        return node;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replay-agent");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls now (also called by this instance's runner after each of its state changes). */
    public void nudge() {
        ScheduledExecutorService e = executor;
        if (e != null && !e.isShutdown()) {
            e.execute(this::safeTick);
        } else {
            safeTick();
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Replay agent poll failed: {}", e.toString());
        }
    }

    synchronized void tick() {
        jobs.heartbeat(node);
        jobs.failAbandoned();
        Optional<ReplayJob> holding = jobs.active().filter(j -> j.state().holdsProcessors());
        List<String> held = holding.map(ReplayJob::projections).orElse(List.of());
        for (String group : held) {
            if (!ReplayableProjections.isReplayable(group)) {
                continue;
            }
            if (processors.isRunning(group)) {
                processors.stop(group);
                stoppedByUs.add(group);
                log.info("Replay job {}: stopped processor {} on {}", holding.get().id(), group, node);
            }
        }
        if (holding.isPresent()) {
            jobs.acknowledge(holding.get().id(), node);
        }
        for (String group : Set.copyOf(stoppedByUs)) {
            if (!held.contains(group)) {
                processors.start(group);
                stoppedByUs.remove(group);
                log.info("Replay over: started processor {} on {}", group, node);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        // best effort, and bounded: with the database gone the pool would hold shutdown for its connection timeout
        // (the row also expires with its heartbeat)
        try {
            java.util.concurrent.CompletableFuture.runAsync(() -> jobs.leave(node))
                    .get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            log.debug("could not remove node row", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
