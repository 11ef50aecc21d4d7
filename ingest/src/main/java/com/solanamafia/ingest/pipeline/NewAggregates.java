package com.solanamafia.ingest.pipeline;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aggregates a window's commands target that have no event in the store yet, checked with one query per window.
 * The event store answers their first load with an empty stream instead of two queries (snapshot, events) each; a
 * later load in the same window finds the aggregate in the unit of work.
 */
public final class NewAggregates {
    private static final String RESOURCE = NewAggregates.class.getName();

    private NewAggregates() {
    }

    /** Finds which of the aggregates have no event in the store; {@link #NONE} where the store cannot be queried. */
    public interface Lookup {
        Lookup NONE = ids -> Set.of();

        Set<String> withoutEvents(Collection<String> aggregateIds);

        /** Drops whatever the lookup remembers of the store (after a failure: the store may have lost windows). */
        default void forget() {
        }

        static Lookup remembering(Lookup store, int capacity) {
            return new Remembering(store, capacity);
        }
    }

    /**
     * Asks the store only about aggregates it has not already confirmed to have events: events are never deleted,
     * so that answer holds while the database keeps what it committed. One the current window creates is not
     * remembered (the window may still roll back) until a later window's query confirms it. At most {@code capacity}
     * are remembered; {@link #forget} after a failure (a database crash may have lost windows committed without
     * waiting for the disk, and events with them).
     */
    private static final class Remembering implements Lookup {
        private final Lookup store;
        private final int capacity;
        private final Set<String> haveEvents = ConcurrentHashMap.newKeySet();

        private Remembering(Lookup store, int capacity) {
            this.store = store;
            this.capacity = capacity;
        }

        @Override
        public Set<String> withoutEvents(Collection<String> ids) {
            List<String> unknown = ids.stream().filter(id -> !haveEvents.contains(id)).toList();
            Set<String> absent = unknown.isEmpty() ? Set.of() : store.withoutEvents(unknown);
            if (haveEvents.size() + unknown.size() > capacity) {
                haveEvents.clear();
            }
            unknown.stream().filter(id -> !absent.contains(id)).forEach(haveEvents::add);
            return absent;
        }

        @Override
        public void forget() {
            haveEvents.clear();
        }
    }

    static void register(UnitOfWork<?> root, Set<String> aggregateIds) {
        root.resources().put(RESOURCE, new HashSet<>(aggregateIds));
    }

    /**
     * True, once, when the current window found no event of this aggregate in the store: only its first load may skip
     * the store (any later read, a snapshotter's say, must see the events appended since).
     */
    public static boolean takeKnownNew(String aggregateId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Set<String> ids = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        return ids != null && ids.remove(aggregateId);
    }
}
