package com.solanamafia.ingest.live;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LogsListenerTest {
    private final AtomicInteger wakes = new AtomicInteger();
    private final NotifiedTransactions notified = new NotifiedTransactions(100, Duration.ofMinutes(1));
    private final LogsListener listener = new LogsListener(URI.create("ws://127.0.0.1:1"), "Prog", "finalized",
            wakes::incrementAndGet, notified);

    @Test
    void aNotificationWakesTheIngesterAndKeepsItsLogsForItsSlot() {
        listener.handle("""
                {"jsonrpc":"2.0","method":"logsNotification","params":{"result":{"context":{"slot":42},
                 "value":{"signature":"sig","err":null,"logs":["Program Prog invoke [1]","Program Prog success"]}},
                 "subscription":0}}""");

        assertThat(wakes).hasValue(1);
        assertThat(notified.logs("sig", 42)).contains(List.of("Program Prog invoke [1]", "Program Prog success"));
    }

    @Test
    void logsThatAreNotAllTextAreNotUsedButTheIngesterIsWoken() {
        listener.handle("""
                {"jsonrpc":"2.0","method":"logsNotification","params":{"result":{"context":{"slot":42},
                 "value":{"signature":"sig","err":null,"logs":["Program Prog invoke [1]",null]}},"subscription":0}}""");

        assertThat(wakes).hasValue(1);
        assertThat(notified.logs("sig", 42)).isEmpty();
        assertThat(notified.committed("sig")).isPresent();   // still timed
    }

    @Test
    void malformedOrOtherMessagesStillWakeOrAreIgnored() {
        listener.handle("{not json");
        listener.handle("{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":1}");   // the subscription's answer
        listener.handle("{\"jsonrpc\":\"2.0\",\"method\":\"logsNotification\",\"params\":{\"result\":{}}}");

        assertThat(wakes).hasValue(2);
        assertThat(notified.size()).isZero();
    }
}
