package com.solanamafia.ingest.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotifiedTransactionsTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void logsServeOnlyTheSlotTheNotificationNamed() {
        NotifiedTransactions notified = new NotifiedTransactions(100, Duration.ofMinutes(1));
        notified.notified("sig", 7, List.of("Program x invoke [1]", "Program x success"), System.nanoTime());

        assertThat(notified.logs("sig", 7)).contains(List.of("Program x invoke [1]", "Program x success"));
        assertThat(notified.logs("sig", 8)).isEmpty();
        assertThat(notified.logs("other", 7)).isEmpty();
    }

    @Test
    void aDuplicateKeepsTheFirstArrivalAndCommitForgetsIt() {
        NotifiedTransactions notified = new NotifiedTransactions(100, Duration.ofMinutes(1));
        long first = System.nanoTime();
        notified.notified("sig", 7, List.of("a"), first);
        notified.notified("sig", 7, List.of("a"), first + SECOND);

        assertThat(notified.committed("sig")).hasValueSatisfying(n -> assertThat(n.receivedNanos()).isEqualTo(first));
        assertThat(notified.committed("sig")).isEmpty();
        assertThat(notified.logs("sig", 7)).isEmpty();
    }

    @Test
    void aNotificationWithoutLogsOnlyTimesTheTransaction() {
        NotifiedTransactions notified = new NotifiedTransactions(100, Duration.ofMinutes(1));
        notified.notified("sig", 7, null, System.nanoTime());

        assertThat(notified.logs("sig", 7)).isEmpty();
        assertThat(notified.committed("sig")).isPresent();
    }

    @Test
    void whenFullOldEntriesGoAndOtherwiseNewOnesAreNotKept() {
        NotifiedTransactions notified = new NotifiedTransactions(2, Duration.ofSeconds(10));
        long now = System.nanoTime();
        notified.notified("old", 1, List.of("a"), now - 20 * SECOND);
        notified.notified("recent", 2, List.of("b"), now - SECOND);

        notified.notified("new", 3, List.of("c"), now);   // full: "old" is past the age limit and goes
        assertThat(notified.logs("old", 1)).isEmpty();
        assertThat(notified.logs("new", 3)).contains(List.of("c"));

        notified.notified("newer", 4, List.of("d"), now + 2 * SECOND);   // full of recent ones: not kept
        assertThat(notified.logs("newer", 4)).isEmpty();
        assertThat(notified.size()).isEqualTo(2);
    }
}
