package com.solanamafia.ingest.pipeline;

import com.solanamafia.ingest.lease.PostgresLease;
import com.solanamafia.ingest.live.LogsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs ingestion on the instance that holds the lease: backfill from the checkpoint, then live, where every
 * logs notification (and a periodic poll, in case the socket is quiet) triggers the same catch-up.
 * Errors back off exponentially and start again from the checkpoint: nothing is ever skipped.
 */
public class IngestService implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration LEASE_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(30);

    private final CatchUp catchUp;
    private final PostgresLease lease;
    private final LogsListener listener;
    private final IngestProgress progress;
    private final Duration pollInterval;
    private final Semaphore wake;
    private final Runnable resetWriter;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param resetWriter runs each time this instance becomes the writer and after each failed round: drops what the
     *                    writer holds in memory (cached aggregates, its last position) that the store may contradict
     */
    public IngestService(CatchUp catchUp, PostgresLease lease, LogsListener listener, IngestProgress progress,
                         Duration pollInterval, Semaphore wake, Runnable resetWriter) {
        this.catchUp = catchUp;
        this.lease = lease;
        this.listener = listener;
        this.progress = progress;
        this.pollInterval = pollInterval;
        this.wake = wake;
        this.resetWriter = resetWriter;
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::runLoop, "ingest");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listener.stop();
        lease.close();
        progress.phase(IngestProgress.Phase.STOPPED);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the event processors (which start at Integer.MAX_VALUE / 2 and below), before the web server stops
        return Integer.MAX_VALUE / 2 + 100;
    }

    private void runLoop() {
        while (running) {
            progress.phase(IngestProgress.Phase.STANDBY);
            if (!lease.tryAcquire()) {
                pause(LEASE_RETRY);
                continue;
            }
            log.info("Ingest lease acquired by {}", lease.owner());
            resetWriter.run();
            listener.start();
            followChain();
            listener.stop();
            if (running) {
                log.warn("Ingest lease lost; standing by");
            }
        }
    }

    private void followChain() {
        int consecutiveErrors = 0;
        progress.phase(IngestProgress.Phase.BACKFILL);
        while (running && lease.isHeld()) {
            try {
                wake.drainPermits();
                catchUp.run(null);
                consecutiveErrors = 0;
                progress.phase(IngestProgress.Phase.LIVE);
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                resetWriter.run();
                consecutiveErrors++;
                Duration backoff = Duration.ofMillis(Math.min(MAX_ERROR_BACKOFF.toMillis(), 250L << Math.min(consecutiveErrors, 10)));
                progress.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                log.warn("Ingest failed ({}); retrying from the checkpoint in {} ms", e.getMessage(), backoff.toMillis(), e);
                pause(backoff);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
