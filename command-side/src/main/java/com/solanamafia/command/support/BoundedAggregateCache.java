package com.solanamafia.command.support;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A least-recently-used aggregate cache holding at most {@code maxEntries} aggregates, so the ingester does not
 * read each aggregate's snapshot and events again for every window. Only the lease holder writes aggregates;
 * a rolled-back unit of work evicts what it loaded (Axon's caching repository does that), and the cache is
 * cleared whenever the ingest lease is (re)acquired, so a stale entry can never outlive a change of writer.
 */
public class BoundedAggregateCache implements Cache {
    private final Map<Object, Object> entries;

    public BoundedAggregateCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        return () -> true;
    }

    public synchronized int size() {
        return entries.size();
    }
}
