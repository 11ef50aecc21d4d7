package com.solanamafia.query.push.session;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.query.push.auth.Challenge;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One WebSocket connection. Outgoing messages go through a bounded queue drained by non-blocking writes (the
 * container's async remote endpoint, one write in flight at a time), so no thread ever waits on a slow client:
 * when the queue is over its limits the connection is closed with {@link CloseCodes#SLOW_CONSUMER} and the
 * messages it would have got are simply not queued.
 */
public final class PushSession {
    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    private final WebSocketSession session;
    private final RemoteEndpoint.Async async;
    private final int maxQueuedChars;
    private final int maxQueuedMessages;
    private final Executor closer;
    private final Consumer<PushSession> onSlow;

    // outgoing queue, guarded by this
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean inFlight;
    private long inFlightSinceNanos;
    private Thread pumper;
    private boolean closed;

    // protocol state (touched by the container's thread for this session, one message at a time)
    private volatile Wallet wallet;
    private Challenge challenge;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private StringBuilder partial;
    private boolean discarding;
    private long rateWindowStart;
    private int rateCount;
    private volatile long lastClientMessageNanos = System.nanoTime();
    private volatile long lastPingNanos = System.nanoTime();

    PushSession(WebSocketSession session, int maxQueuedChars, int maxQueuedMessages, long sendTimeoutMs,
                Executor closer, Consumer<PushSession> onSlow) {
        this.session = session;
        this.maxQueuedChars = maxQueuedChars;
        this.maxQueuedMessages = maxQueuedMessages;
        this.closer = closer;
        this.onSlow = onSlow;
        jakarta.websocket.Session nativeSession = session instanceof NativeWebSocketSession n
                ? n.getNativeSession(jakarta.websocket.Session.class) : null;
        this.async = nativeSession == null ? null : nativeSession.getAsyncRemote();
        if (async != null) {
            async.setSendTimeout(sendTimeoutMs);
        }
    }

    public String id() {
        return session.getId();
    }

    public Wallet wallet() {
        return wallet;
    }

    void wallet(Wallet wallet) {
        this.wallet = wallet;
    }

    Challenge challenge() {
        return challenge;
    }

    void challenge(Challenge challenge) {
        this.challenge = challenge;
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    /** Queues a message; false (and the connection closing) when the client is too slow to take it. */
    public boolean send(String text) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queue.size() >= maxQueuedMessages || queuedChars + text.length() > maxQueuedChars) {
                log.info("push session {} ({}) is too slow: {} messages / {} chars queued; closing",
                        id(), wallet, queue.size(), queuedChars);
                closed = true;
                queue.clear();
                queuedChars = 0;
            } else {
                queue.add(text);
                queuedChars += text.length();
                text = null;
            }
        }
        if (text != null) {
            onSlow.accept(this);
            closeNow(CloseCodes.SLOW_CONSUMER);
            return false;
        }
        pump();
        return true;
    }

    private void pump() {
        synchronized (this) {
            if (pumper != null) {
                return; // the pumping thread sees our message in its next round
            }
            pumper = Thread.currentThread();
        }
        while (true) {
            String next;
            synchronized (this) {
                if (inFlight || closed || queue.isEmpty()) {
                    pumper = null;
                    return;
                }
                next = queue.poll();
                queuedChars -= next.length();
                inFlight = true;
                inFlightSinceNanos = System.nanoTime();
            }
            try {
                if (async != null) {
                    async.sendText(next, this::sent);
                } else {
                    session.sendMessage(new TextMessage(next));
                    sent(new SendResult());
                }
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    pumper = null;
                }
                sent(new SendResult(e));
                return;
            }
        }
    }

    private void sent(SendResult result) {
        synchronized (this) {
            inFlight = false;
        }
        if (!result.isOK()) {
            log.debug("push session {}: write failed: {}", id(), String.valueOf(result.getException()));
            if (session.isOpen()) {
                onSlow.accept(this);
                close(CloseCodes.SLOW_CONSUMER);
            } else {
                synchronized (this) {
                    closed = true;
                }
            }
            return;
        }
        pump();
    }

    /** True when one write has been in flight longer than the limit (the container's timeout is the first guard). */
    synchronized boolean writeStuck(long limitNanos, long nowNanos) {
        return inFlight && nowNanos - inFlightSinceNanos > limitNanos;
    }

    public synchronized int queuedMessages() {
        return queue.size();
    }

    /** Closes after the queued messages are written (or the write fails). */
    public void close(CloseStatus status) {
        closeNow(status);
    }

    private void closeNow(CloseStatus status) {
        synchronized (this) {
            closed = true;
        }
        closer.execute(() -> {
            try {
                if (session.isOpen()) {
                    session.close(status);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("push session {}: close failed: {}", id(), e.toString());
            }
        });
    }

    /** The container closed the connection: drop what is queued. */
    synchronized void markClosed() {
        closed = true;
        queue.clear();
        queuedChars = 0;
    }

    public boolean isOpen() {
        synchronized (this) {
            if (closed) {
                return false;
            }
        }
        return session.isOpen();
    }

    // ---- inbound helpers ----

    void touched(long nowNanos) {
        lastClientMessageNanos = nowNanos;
    }

    long lastClientMessageNanos() {
        return lastClientMessageNanos;
    }

    long lastPingNanos() {
        return lastPingNanos;
    }

    void pinged(long nowNanos) {
        lastPingNanos = nowNanos;
    }

    /** Counts one client message in the current one-second window; returns the count so far. */
    int countMessage(long nowNanos) {
        if (nowNanos - rateWindowStart >= 1_000_000_000L) {
            rateWindowStart = nowNanos;
            rateCount = 0;
        }
        return ++rateCount;
    }

    /**
     * Accumulates a (possibly partial) text frame. Returns the complete message, or null while incomplete or
     * when it was over {@code maxChars} (then {@link #takeOversize()} is true once the last part arrived).
     */
    String accumulate(String payload, boolean last, int maxChars) {
        if (partial == null && last && !discarding) {
            if (payload.length() > maxChars) {
                discarding = true;
                return finishDiscard(last);
            }
            return payload;
        }
        if (!discarding) {
            if (partial == null) {
                partial = new StringBuilder();
            }
            if (partial.length() + payload.length() > maxChars) {
                partial = null;
                discarding = true;
            } else {
                partial.append(payload);
            }
        }
        if (discarding) {
            return finishDiscard(last);
        }
        if (last) {
            String whole = partial.toString();
            partial = null;
            return whole;
        }
        return null;
    }

    private boolean oversizeDone;

    private String finishDiscard(boolean last) {
        if (last) {
            discarding = false;
            oversizeDone = true;
        }
        return null;
    }

    boolean takeOversize() {
        boolean was = oversizeDone;
        oversizeDone = false;
        return was;
    }

    @Override
    public String toString() {
        return "PushSession[" + id() + (wallet == null ? "" : ", " + wallet) + "]";
    }
}
