package com.solanamafia.query.push.session;

import java.util.TreeMap;

/**
 * One channel of one connection. {@link #lastSent} is the seq of the newest message the client has (or was told
 * about); live messages with a seq at or below it are duplicates and skipped, a seq above {@code lastSent + 1}
 * is a gap that starts a catch-up from the channel's history. While catching up, live messages wait in a
 * bounded buffer (they are also in the history, so dropping the buffer only costs a second catch-up round).
 * Guarded by its own monitor.
 */
public final class Subscription {
    private final String channel;
    long lastSent = -1;
    boolean catchingUp = true;
    boolean cancelled;
    final TreeMap<Long, String> buffer = new TreeMap<>();

    Subscription(String channel) {
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }

    public synchronized long lastSent() {
        return lastSent;
    }
}
