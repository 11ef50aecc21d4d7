package com.solanamafia.app.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (java.net.http) that collects the server's JSON messages. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    JsonNode challenge;

    static WsClient connect(int port) {
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), client).join();
        client.challenge = client.next("challenge");
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                inbox.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void send(Object message) {
        try {
            send(JSON.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message of the given type, skipping pings; fails after 20 s. */
    JsonNode next(String type) {
        return next(m -> m.path("type").asText().equals(type), "type " + type);
    }

    JsonNode next(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<JsonNode> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonNode m;
            try {
                m = inbox.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (m == null) {
                continue;
            }
            if (wanted.test(m)) {
                return m;
            }
            if (!m.path("type").asText().equals("ping")) {
                skipped.add(m);
            }
        }
        throw new AssertionError("no message with " + what + " within 20 s; got " + skipped);
    }

    /** The next message that is not a ping, whatever it is. */
    JsonNode nextAny() {
        return next(m -> !m.path("type").asText().equals("ping"), "any type");
    }

    /** Messages that arrive within the given time (pings excluded). */
    List<JsonNode> drain(Duration quiet) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JsonNode m;
            while ((m = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                if (!m.path("type").asText().equals("ping")) {
                    out.add(m);
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Proves ownership of the key's wallet with the pending challenge. */
    JsonNode authenticate(TestWallet wallet) {
        send(wallet.authMessage(challenge));
        JsonNode reply = nextAny();
        if (!reply.path("type").asText().equals("authenticated")) {
            throw new AssertionError("expected authenticated, got " + reply);
        }
        return reply;
    }

    void subscribe(String channel, Long lastSeq) {
        var item = JSON.createObjectNode().put("channel", channel);
        if (lastSeq != null) {
            item.put("lastSeq", lastSeq);
        }
        var message = JSON.createObjectNode().put("type", "subscribe");
        message.putArray("channels").add(item);
        send(message);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
