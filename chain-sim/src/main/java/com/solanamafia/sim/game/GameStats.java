package com.solanamafia.sim.game;

import java.util.Map;
import java.util.TreeMap;

/** Counts of generated actions, events and deliberate failures. */
public final class GameStats {
    private final Map<String, Integer> actions = new TreeMap<>();
    private final Map<String, Integer> events = new TreeMap<>();
    private int failed;
    private int total;

    synchronized void record(String action, boolean failedTx) {
        actions.merge(action, 1, Integer::sum);
        total++;
        if (failedTx) {
            failed++;
        }
    }

    synchronized void event(String name) {
        events.merge(name, 1, Integer::sum);
    }

    /** Events counted include those of failed transactions (which logged them before failing). */
    public synchronized Map<String, Integer> events() {
        return new TreeMap<>(events);
    }

    public synchronized Map<String, Integer> actions() {
        return new TreeMap<>(actions);
    }

    public synchronized int failed() {
        return failed;
    }

    public synchronized int total() {
        return total;
    }

    @Override
    public synchronized String toString() {
        return "transactions=" + total + " failed=" + failed + " actions=" + actions;
    }
}
