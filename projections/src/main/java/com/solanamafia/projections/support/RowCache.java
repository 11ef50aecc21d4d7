package com.solanamafia.projections.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows of a replay's tables held in memory by key. While nothing was ever dropped it holds every row written so far,
 * so a missing key means no row; once it has been cleared (too many rows, or a failed batch) a missing key is read
 * from the table with {@code loader}. Write-through: the rows are written at the end of every batch, so clearing it
 * between batches loses nothing.
 */
public final class RowCache<K, V> {
    private final Map<K, V> rows = new HashMap<>();
    private final Function<K, V> loader;
    private final int capacity;
    private boolean complete = true;

    /** {@code loader}: the row(s) of a key read from the table, or null when there are none. */
    public RowCache(Function<K, V> loader, int capacity) {
        this.loader = loader;
        this.capacity = capacity;
    }

    /** The held value, else (once cleared) the table's, else null. */
    public V get(K key) {
        V value = rows.get(key);
        if (value != null || complete) {
            return value;
        }
        value = loader.apply(key);
        if (value != null) {
            rows.put(key, value);
        }
        return value;
    }

    public void put(K key, V value) {
        rows.put(key, value);
    }

    /** Between batches: drops everything when more than {@code capacity} keys are held. */
    public void trim() {
        if (rows.size() > capacity) {
            clear();
        }
    }

    public void clear() {
        rows.clear();
        complete = false;
    }
}
