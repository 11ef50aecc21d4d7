package com.solanamafia.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NewAggregatesTest {
    /** A store whose aggregates with events are {@code stored}; records what it was asked. */
    static final class Store implements NewAggregates.Lookup {
        final Set<String> stored = new HashSet<>();
        final List<Set<String>> asked = new ArrayList<>();

        @Override
        public Set<String> withoutEvents(java.util.Collection<String> ids) {
            asked.add(Set.copyOf(ids));
            Set<String> absent = new HashSet<>(ids);
            absent.removeAll(stored);
            return absent;
        }
    }

    @Test
    void aggregatesConfirmedToHaveEventsAreNotAskedForAgainButNewOnesAre() {
        Store store = new Store();
        store.stored.add("a");
        NewAggregates.Lookup lookup = NewAggregates.Lookup.remembering(store, 100);

        assertThat(lookup.withoutEvents(Set.of("a", "b"))).containsExactly("b");
        // b's window committed its first event: the next window asks about b once more, never about a
        store.stored.add("b");
        assertThat(lookup.withoutEvents(Set.of("a", "b", "c"))).containsExactly("c");
        assertThat(lookup.withoutEvents(Set.of("a", "b"))).isEmpty();

        assertThat(store.asked).containsExactly(Set.of("a", "b"), Set.of("b", "c"));
    }

    @Test
    void aFullMemoryStartsOverRatherThanGrowing() {
        Store store = new Store();
        store.stored.addAll(List.of("a", "b", "c"));
        NewAggregates.Lookup lookup = NewAggregates.Lookup.remembering(store, 2);

        lookup.withoutEvents(Set.of("a", "b"));
        lookup.withoutEvents(Set.of("c"));   // over capacity: forgets a and b
        lookup.withoutEvents(Set.of("a", "c"));

        assertThat(store.asked).containsExactly(Set.of("a", "b"), Set.of("c"), Set.of("a"));
    }
}
