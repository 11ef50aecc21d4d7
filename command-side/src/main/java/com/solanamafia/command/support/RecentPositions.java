package com.solanamafia.command.support;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.solanamafia.api.chain.ChainFact;

import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * Idempotency guard, defense in depth: the chain positions an aggregate applied most recently. A command whose
 * position is here was already recorded and is ignored (no events). The window is bounded ({@link #CAPACITY});
 * the ingester's dedupe (position key stored with the checkpoint) is the primary guard, this catches retries and
 * redeliveries of recent facts. Part of the aggregate's state, so it survives snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RecentPositions {
    public static final int CAPACITY = 256;

    private LinkedHashSet<String> keys = new LinkedHashSet<>();

    public boolean contains(ChainFact fact) {
        return keys.contains(fact.position().key());
    }

    public void remember(ChainFact fact) {
        keys.add(fact.position().key());
        while (keys.size() > CAPACITY) {
            keys.remove(keys.iterator().next());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecentPositions other && keys.equals(other.keys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys);
    }
}
