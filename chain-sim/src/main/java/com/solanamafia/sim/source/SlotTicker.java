package com.solanamafia.sim.source;

import com.solanamafia.sim.ledger.Ledger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Advances the ledger tip by one slot every {@code slotMillis}, like a producing validator. */
public final class SlotTicker implements AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-slot-ticker");
        t.setDaemon(true);
        return t;
    });

    public SlotTicker(Ledger ledger, long slotMillis) {
        executor.scheduleAtFixedRate(() -> ledger.advance(1), slotMillis, slotMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
