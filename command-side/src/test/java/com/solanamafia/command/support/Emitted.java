package com.solanamafia.command.support;

import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/**
 * Matches the published events by name: a discrepancy by its rule id, any other event by its simple class name,
 * e.g. {@code emits("upgrade-of-empty-slot", "BusinessUpgraded")}.
 */
public final class Emitted {
    private Emitted() {
    }

    public static String nameOf(Object payload) {
        return payload instanceof ChainDiscrepancyDetected d ? d.rule() : payload.getClass().getSimpleName();
    }

    public static Matcher<List<EventMessage<?>>> emits(String... names) {
        List<String> expected = List.of(names);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().map(e -> nameOf(e.getPayload())).toList().equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events " + expected);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                description.appendText("were " + events.stream().map(e -> nameOf(e.getPayload()) + " " + e.getPayload()).toList());
            }
        };
    }
}
