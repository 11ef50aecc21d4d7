package com.solanamafia.ingest.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code logsSubscribe} for the program. A notification wakes the ingester, which then reads the chain from its
 * checkpoint, so duplicate, late or out-of-order notifications change nothing; its signature, slot and logs are
 * kept in {@link NotifiedTransactions}, which spares fetching that transaction again. Every (re)connect wakes
 * the ingester too, which fills the gap left while the socket was down.
 */
public class LogsListener implements WebSocket.Listener {
    private static final Logger log = LoggerFactory.getLogger(LogsListener.class);

    private final URI wsUrl;
    private final String programId;
    private final String commitment;
    private final Runnable wake;
    private final NotifiedTransactions notified;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile ScheduledExecutorService reconnects;
    private final AtomicInteger failures = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean running;

    public LogsListener(URI wsUrl, String programId, String commitment, Runnable wake, NotifiedTransactions notified) {
        this.wsUrl = wsUrl;
        this.programId = programId;
        this.commitment = commitment;
        this.wake = wake;
        this.notified = notified;
    }

    public void start() {
        reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ingest-ws-reconnect");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        connect();
    }

    public void stop() {
        running = false;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
        if (reconnects != null) {
            reconnects.shutdownNow();
        }
    }

    public boolean connected() {
        WebSocket current = socket;
        return current != null && !current.isInputClosed() && !current.isOutputClosed();
    }

    private void connect() {
        if (!running) {
            return;
        }
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(wsUrl, this)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        scheduleReconnect("connect failed: " + error.getMessage());
                    }
                });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        failures.set(0);
        webSocket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logsSubscribe\",\"params\":[{\"mentions\":[\""
                + programId + "\"]},{\"commitment\":\"" + commitment + "\"}]}", true);
        log.info("Subscribed to logs of {} at {}", programId, wsUrl);
        wake.run();
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            handle(message);
        }
        webSocket.request(1);
        return null;
    }

    void handle(String message) {
        long received = System.nanoTime();
        try {
            JsonNode node = json.readTree(message);
            if ("logsNotification".equals(node.path("method").asText())) {
                remember(node.path("params").path("result"), received);
                wake.run();
            }
        } catch (Exception e) {
            log.debug("Ignoring a malformed WebSocket message: {}", e.getMessage());
            wake.run();
        }
    }

    private void remember(JsonNode result, long received) {
        JsonNode value = result.path("value");
        JsonNode slot = result.path("context").path("slot");
        if (!value.path("signature").isTextual() || !slot.canConvertToLong()) {
            return;
        }
        List<String> logs = null;
        if (value.path("logs").isArray()) {
            logs = new ArrayList<>(value.get("logs").size());
            for (JsonNode line : value.get("logs")) {
                if (!line.isTextual()) {   // not a log line: fetch this transaction instead
                    logs = null;
                    break;
                }
                logs.add(line.asText());
            }
        }
        notified.notified(value.get("signature").asText(), slot.asLong(), logs, received);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        scheduleReconnect("closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        scheduleReconnect("error " + error.getMessage());
    }

    private void scheduleReconnect(String why) {
        socket = null;
        if (!running) {
            return;
        }
        int attempt = failures.incrementAndGet();
        long delay = Math.min(30_000, 200L << Math.min(attempt, 8));
        log.warn("Logs subscription lost ({}); reconnecting in {} ms", why, delay);
        try {
            reconnects.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // stopping
        }
    }
}
