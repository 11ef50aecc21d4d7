package com.solanamafia.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.api.chain.Base58;
import com.solanamafia.sim.fault.FaultInjector;
import com.solanamafia.sim.ledger.Commitment;
import com.solanamafia.sim.ledger.LedgerListener;
import com.solanamafia.sim.ledger.SimTransaction;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The validator's PubSub WebSocket: logsSubscribe / logsUnsubscribe and slotSubscribe / slotUnsubscribe with
 * the real notification shapes. Notification faults (duplicates, random delays that reorder, periodic drops of
 * every socket) come from the {@link FaultInjector}.
 */
public final class PubSubServer extends WebSocketServer implements LedgerListener {
    private static final Logger log = LoggerFactory.getLogger(PubSubServer.class);

    private final ObjectMapper mapper;
    private final FaultInjector faults;
    private final Map<Integer, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final AtomicLong notificationsSent = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile long lastDropNanos = System.nanoTime();

    public PubSubServer(InetSocketAddress address, ObjectMapper mapper, FaultInjector faults) {
        super(address);
        this.mapper = mapper;
        this.faults = faults;
        setReuseAddr(true);
        setConnectionLostTimeout(60);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-ws-faults");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts and waits until the port is bound. */
    public void startAndAwait() throws IOException {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IOException("WebSocket server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the WebSocket server", e);
        }
        if (startFailure != null) {
            throw new IOException("WebSocket server failed to bind " + getAddress(), startFailure);
        }
        scheduler.scheduleWithFixedDelay(this::maybeDropAll, 200, 200, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
        try {
            stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    public long notificationsSent() {
        return notificationsSent.get();
    }

    public long dropCount() {
        return drops.get();
    }

    /** Closes every socket abruptly (code 1006 on the client), as a flaky network or node restart would. */
    public void dropAllConnections() {
        drops.incrementAndGet();
        for (WebSocket socket : getConnections()) {
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "simulated connection drop");
        }
    }

    private void maybeDropAll() {
        int every = faults.config().wsDropEverySec();
        if (every <= 0) {
            lastDropNanos = System.nanoTime();
            return;
        }
        if (System.nanoTime() - lastDropNanos >= TimeUnit.SECONDS.toNanos(every)) {
            lastDropNanos = System.nanoTime();
            if (!getConnections().isEmpty()) {
                dropAllConnections();
            }
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        subscriptions.values().removeIf(s -> s.socket() == socket);
    }

    @Override
    public void onError(WebSocket socket, Exception ex) {
        if (socket == null) {
            startFailure = ex;
            started.countDown();
        } else {
            log.debug("websocket error: {}", ex.toString());
        }
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        JsonNode request;
        try {
            request = mapper.readTree(message);
        } catch (Exception e) {
            reply(socket, error(null, -32700, "Parse error"));
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText("");
        JsonNode params = request.path("params");
        try {
            switch (method) {
                case "logsSubscribe" -> reply(socket, result(id, mapper.getNodeFactory().numberNode(subscribeLogs(socket, params))));
                case "slotSubscribe" -> reply(socket, result(id, mapper.getNodeFactory().numberNode(subscribe(socket, Subscription.Kind.SLOT, null, Commitment.PROCESSED))));
                case "logsUnsubscribe" -> reply(socket, result(id, mapper.getNodeFactory().booleanNode(unsubscribe(socket, params, Subscription.Kind.LOGS))));
                case "slotUnsubscribe" -> reply(socket, result(id, mapper.getNodeFactory().booleanNode(unsubscribe(socket, params, Subscription.Kind.SLOT))));
                default -> reply(socket, error(id, -32601, "Method not found"));
            }
        } catch (IllegalArgumentException e) {
            reply(socket, error(id, -32602, e.getMessage()));
        }
    }

    private int subscribeLogs(WebSocket socket, JsonNode params) {
        JsonNode filter = params.path(0);
        String mention;
        if (filter.isTextual() && (filter.asText().equals("all") || filter.asText().equals("allWithVotes"))) {
            mention = null;
        } else if (filter.isObject() && filter.path("mentions").isArray()) {
            ArrayNode mentions = (ArrayNode) filter.get("mentions");
            if (mentions.size() != 1) {
                throw new IllegalArgumentException("Invalid Request: Only 1 address supported");
            }
            mention = mentions.get(0).asText();
            try {
                if (Base58.decode(mention).length != 32) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid Request: Invalid pubkey provided");
            }
        } else {
            throw new IllegalArgumentException("Invalid params: expected \"all\", \"allWithVotes\" or {\"mentions\":[address]}");
        }
        JsonNode config = params.path(1);
        Commitment commitment = Commitment.parse(config.path("commitment").isTextual() ? config.get("commitment").asText() : null);
        return subscribe(socket, Subscription.Kind.LOGS, mention, commitment);
    }

    private int subscribe(WebSocket socket, Subscription.Kind kind, String mention, Commitment commitment) {
        int id = nextId.getAndIncrement();
        subscriptions.put(id, new Subscription(id, kind, socket, mention, commitment));
        return id;
    }

    private boolean unsubscribe(WebSocket socket, JsonNode params, Subscription.Kind kind) {
        JsonNode idNode = params.path(0);
        if (!idNode.canConvertToInt()) {
            throw new IllegalArgumentException("Invalid params: expected a subscription id");
        }
        Subscription s = subscriptions.get(idNode.asInt());
        if (s == null || s.socket() != socket || s.kind() != kind) {
            throw new IllegalArgumentException("Invalid subscription id.");
        }
        subscriptions.remove(s.id());
        return true;
    }

    @Override
    public void onTransactionVisible(Commitment commitment, SimTransaction tx) {
        for (Subscription s : subscriptions.values()) {
            if (s.kind() == Subscription.Kind.LOGS && s.commitment() == commitment
                    && (s.mention() == null || tx.mentions(s.mention()))) {
                ObjectNode value = mapper.createObjectNode();
                value.put("signature", tx.signature());
                value.set("err", tx.succeeded() ? mapper.nullNode() : tx.err());
                ArrayNode logs = value.putArray("logs");
                tx.logMessages().forEach(logs::add);
                ObjectNode result = mapper.createObjectNode();
                result.putObject("context").put("slot", tx.slot());
                result.set("value", value);
                notify(s, "logsNotification", result);
            }
        }
    }

    @Override
    public void onSlot(long slot, long parent, long root) {
        for (Subscription s : subscriptions.values()) {
            if (s.kind() == Subscription.Kind.SLOT) {
                ObjectNode result = mapper.createObjectNode();
                result.put("parent", parent);
                result.put("root", root);
                result.put("slot", slot);
                notify(s, "slotNotification", result);
            }
        }
    }

    private void notify(Subscription s, String method, JsonNode result) {
        ObjectNode n = mapper.createObjectNode();
        n.put("jsonrpc", "2.0");
        n.put("method", method);
        ObjectNode params = n.putObject("params");
        params.set("result", result);
        params.put("subscription", s.id());
        String text = n.toString();
        int copies = faults.duplicateNotification() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            int delay = faults.notificationDelayMs();
            if (delay > 0) {
                scheduler.schedule(() -> send(s.socket(), text), delay, TimeUnit.MILLISECONDS);
            } else {
                send(s.socket(), text);
            }
        }
    }

    private void send(WebSocket socket, String text) {
        if (socket.isOpen()) {
            try {
                socket.send(text);
                notificationsSent.incrementAndGet();
            } catch (RuntimeException e) {
                log.debug("notification not sent: {}", e.toString());
            }
        }
    }

    private void reply(WebSocket socket, JsonNode response) {
        send(socket, response.toString());
    }

    private JsonNode result(JsonNode id, JsonNode result) {
        ObjectNode n = mapper.createObjectNode();
        n.put("jsonrpc", "2.0");
        n.set("result", result);
        n.set("id", id);
        return n;
    }

    private JsonNode error(JsonNode id, int code, String message) {
        ObjectNode n = mapper.createObjectNode();
        n.put("jsonrpc", "2.0");
        n.putObject("error").put("code", code).put("message", message);
        n.set("id", id == null ? mapper.nullNode() : id);
        return n;
    }
}
