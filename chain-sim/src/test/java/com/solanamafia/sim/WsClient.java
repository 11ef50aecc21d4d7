package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A Java-WebSocket client that queues every message it receives. */
final class WsClient extends WebSocketClient {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile int closeCode;
    private final AtomicInteger ids = new AtomicInteger(1);

    WsClient(String url) {
        super(URI.create(url));
    }

    static WsClient open(String url) throws InterruptedException {
        WsClient c = new WsClient(url);
        if (!c.connectBlocking(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot connect to " + url);
        }
        return c;
    }

    /** Sends a request and returns its response (notifications received meanwhile stay queued). */
    JsonNode request(String method, String paramsJson) throws Exception {
        int id = ids.getAndIncrement();
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        // generous: a warm mvn verify on a busy two-core machine once went past 5 s for a logsSubscribe answer
        long deadline = System.currentTimeMillis() + 15_000;
        java.util.List<JsonNode> other = new java.util.ArrayList<>();
        try {
            while (System.currentTimeMillis() < deadline) {
                JsonNode m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && m.path("id").asInt(-1) == id) {
                    return m;
                }
                if (m != null) {
                    other.add(m);
                }
            }
            throw new IllegalStateException("no response to " + method);
        } finally {
            messages.addAll(other);
        }
    }

    JsonNode next(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        try {
            messages.add(RawRpc.MAPPER.readTree(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
        closed.countDown();
    }

    @Override
    public void onError(Exception ex) {
    }
}
