package com.solanamafia.sim.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a step function at a fixed rate (steps per second) on its own thread until the step reports that
 * nothing is left or the releaser is closed. Used to replay a ledger file live and to run the generated game.
 */
public final class PacedReleaser implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PacedReleaser.class);

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean running = true;

    /** @param step returns false when there is nothing more to release */
    public PacedReleaser(String name, double perSecond, BooleanSupplier step) {
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        thread = new Thread(() -> {
            long next = System.nanoTime();
            try {
                while (running) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (!running || !step.getAsBoolean()) {
                        break;
                    }
                    next += intervalNanos;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("{} stopped: {}", Thread.currentThread().getName(), e.toString(), e);
            } finally {
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until every step ran (or the releaser was closed). */
    public boolean awaitDone(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
