package com.solanamafia.projections.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Rows of a buffered read model's tables held in memory by key. While nothing was ever dropped it holds every row
 * written so far, so a missing key means no row; once it has been cleared (too many rows, a failed batch, or the end
 * of a live batch) a missing key is read from the table with {@code loader}, unless {@link #preload} already read it.
 * Its owner writes the changed rows before it clears it (at the end of every live batch; in a replay once it is
 * {@link #full}, and at the end of the pass), so clearing it loses nothing.
 */
public final class RowCache<K, V> {
    private final Map<K, V> rows = new HashMap<>();
    /** Keys read from the table and found to have no row (since the last clear). */
    private final Set<K> absent = new HashSet<>();
    private final Function<K, V> loader;
    private final int capacity;
    private boolean complete = true;
    private boolean written;

    /** {@code loader}: the row(s) of a key read from the table, or null when there are none. */
    public RowCache(Function<K, V> loader, int capacity) {
        this.loader = loader;
        this.capacity = capacity;
    }

    /** The held value, else (once cleared) the table's, else null. */
    public V get(K key) {
        V value = rows.get(key);
        if (value != null || complete || absent.contains(key)) {
            return value;
        }
        value = loader.apply(key);
        if (value != null) {
            rows.put(key, value);
        } else {
            absent.add(key);
        }
        return value;
    }

    public void put(K key, V value) {
        rows.put(key, value);
        absent.remove(key);
    }

    /**
     * Takes the rows read for {@code keys} in one query ({@code found}, by key): a key asked for and not found has no
     * row. Keys already held keep their (possibly changed) value.
     */
    public void preload(Collection<K> keys, Map<K, V> found) {
        if (complete) {
            return;
        }
        for (K key : keys) {
            if (rows.containsKey(key)) {
                continue;
            }
            V value = found.get(key);
            if (value != null) {
                rows.put(key, value);
            } else {
                absent.add(key);
            }
        }
    }

    /**
     * Whether every row it holds is new to the table: it was created over an empty table (a replay's shadow), has
     * dropped nothing since, and none of its rows was written yet ({@link #writing}).
     */
    public boolean onlyNewRows() {
        return complete && !written;
    }

    /** Its owner is writing its changed rows to the table (from now on some held rows may be there). */
    public void writing() {
        written = true;
    }

    /** Whether {@link #preload} would take anything: false while every row is held. */
    public boolean partial() {
        return !complete;
    }

    /** Whether more than {@code capacity} keys are held (a replay then writes its changed rows and trims). */
    public boolean full() {
        return rows.size() > capacity;
    }

    /** Between batches: drops everything when more than {@code capacity} keys are held. */
    public void trim() {
        if (full()) {
            clear();
        }
    }

    public void clear() {
        rows.clear();
        absent.clear();
        complete = false;
    }
}
