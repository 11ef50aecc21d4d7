package com.solanamafia.query.push.session;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.query.push.PushMessages;
import com.solanamafia.query.push.PushProperties;
import com.solanamafia.query.push.redis.PushStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.WebSocketSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This instance's connections and which channels they follow; delivers fan-out messages to them, replays
 * history on (re)subscribe and on a detected gap, pings, and closes idle or stuck connections.
 */
public class SessionRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    private final PushProperties properties;
    private final PushStore store;
    private final PushMessages messages;
    private final Map<String, PushSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<PushSession>> byChannel = new ConcurrentHashMap<>();
    private final Map<Wallet, AtomicInteger> perWallet = new ConcurrentHashMap<>();
    private final ExecutorService closer;
    private final ExecutorService catchUp;
    private final ScheduledExecutorService housekeeping;
    private final Counter delivered;
    private final Counter slowClosed;
    private final Counter resyncs;

    public SessionRegistry(PushProperties properties, PushStore store, PushMessages messages, MeterRegistry meters) {
        this.properties = properties;
        this.store = store;
        this.messages = messages;
        this.closer = Executors.newCachedThreadPool(named("push-close"));
        this.catchUp = Executors.newFixedThreadPool(4, named("push-catchup"));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(named("push-housekeeping"));
        this.delivered = meters.counter("websocket.messages.delivered");
        this.slowClosed = meters.counter("websocket.sessions.closed.slow");
        this.resyncs = meters.counter("websocket.resyncs");
        Gauge.builder("websocket.sessions", sessions, Map::size).register(meters);
        housekeeping.scheduleWithFixedDelay(this::housekeep, 1, 1, TimeUnit.SECONDS);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public PushSession open(WebSocketSession session) {
        PushSession push = new PushSession(session, properties.sendBufferBytes(), properties.sendBufferMessages(),
                properties.sendTimeout().toMillis(), closer, s -> slowClosed.increment());
        sessions.put(push.id(), push);
        return push;
    }

    public void closed(String sessionId) {
        PushSession push = sessions.remove(sessionId);
        if (push == null) {
            return;
        }
        push.markClosed(); // the socket is already gone
        for (Subscription sub : push.subscriptions().values()) {
            unsubscribe(push, sub.channel());
        }
        Wallet wallet = push.wallet();
        if (wallet != null) {
            perWallet.computeIfPresent(wallet, (w, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    public int size() {
        return sessions.size();
    }

    /** Reserves one of the wallet's connection slots on this instance. */
    boolean tryAuthenticate(PushSession session, Wallet wallet) {
        boolean[] ok = {false};
        perWallet.compute(wallet, (w, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < properties.maxConnectionsPerWallet()) {
                c.incrementAndGet();
                ok[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        if (ok[0]) {
            session.wallet(wallet);
        }
        return ok[0];
    }

    // ---- subscriptions ----

    /**
     * Subscribes and brings the client up to date: replays what it missed after {@code lastSeq} (null: live
     * only), or answers resync. Throws when Redis is unavailable (the subscription is then removed).
     */
    void subscribe(PushSession session, String channel, Long lastSeq) {
        unsubscribe(session, channel);
        Subscription sub = new Subscription(channel);
        session.subscriptions().put(channel, sub);
        byChannel.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(session);
        try {
            catchUp(session, sub, lastSeq, true);
        } catch (RuntimeException e) {
            unsubscribe(session, channel);
            throw e;
        }
    }

    boolean unsubscribe(PushSession session, String channel) {
        Subscription sub = session.subscriptions().remove(channel);
        if (sub == null) {
            return false;
        }
        synchronized (sub) {
            sub.cancelled = true;
            sub.buffer.clear();
        }
        byChannel.computeIfPresent(channel, (c, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
        return true;
    }

    /** Reads the channel's state from Redis and sends the client what it lacks; then goes live. */
    private void catchUp(PushSession session, Subscription sub, Long afterSeq, boolean announce) {
        PushStore.Resume resume = store.resume(sub.channel(), afterSeq);
        boolean again = false;
        synchronized (sub) {
            if (sub.cancelled) {
                return;
            }
            int replayed = 0;
            long oldestAllowed = resume.nowMs() - properties.historyMaxAge().toMillis();
            List<PushStore.Stored> entries = resume.entries();
            if (afterSeq == null || afterSeq == resume.currentSeq()) {
                sub.lastSent = Math.max(sub.lastSent, resume.currentSeq());
                if (announce) {
                    session.send(messages.subscribed(sub.channel(), sub.lastSent, 0));
                }
            } else if (afterSeq > resume.currentSeq() || entries.isEmpty() || entries.get(0).seq() != afterSeq + 1
                    || entries.get(0).timestampMs() < oldestAllowed) {
                String reason = afterSeq > resume.currentSeq() ? "unknown_seq" : "history_expired";
                sub.lastSent = resume.currentSeq();
                resyncs.increment();
                session.send(messages.resync(sub.channel(), resume.currentSeq(), resume.position(), reason));
            } else {
                sub.lastSent = Math.max(sub.lastSent, afterSeq);
                for (PushStore.Stored entry : entries) {
                    if (entry.seq() > sub.lastSent) {
                        session.send(entry.json());
                        sub.lastSent = entry.seq();
                        replayed++;
                    }
                }
                delivered.increment(replayed);
                if (announce) {
                    session.send(messages.subscribed(sub.channel(), sub.lastSent, replayed));
                }
            }
            // live messages that arrived meanwhile
            for (Map.Entry<Long, String> e : sub.buffer.entrySet()) {
                if (e.getKey() <= sub.lastSent) {
                    continue;
                }
                if (e.getKey() != sub.lastSent + 1) {
                    again = true;
                    break;
                }
                session.send(e.getValue());
                delivered.increment();
                sub.lastSent = e.getKey();
            }
            sub.buffer.clear();
            sub.catchingUp = again;
        }
        if (again) {
            scheduleCatchUp(session, sub, 0);
        }
    }

    private void scheduleCatchUp(PushSession session, Subscription sub, int attempt) {
        Runnable task = () -> {
            long from;
            synchronized (sub) {
                if (sub.cancelled || !session.isOpen()) {
                    return;
                }
                from = sub.lastSent;
            }
            try {
                catchUp(session, sub, from, false);
            } catch (RuntimeException e) {
                log.debug("push catch-up of {} for {} failed (attempt {}): {}", sub.channel(), session, attempt, e.toString());
                scheduleCatchUp(session, sub, attempt + 1);
            }
        };
        if (attempt == 0) {
            catchUp.execute(task);
        } else {
            long delayMs = Math.min(5000, 100L << Math.min(attempt, 6));
            housekeeping.schedule(() -> catchUp.execute(task), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** A message from the fan-out stream: hand it to every local subscriber of the channel. */
    public void deliver(String channel, long seq, String json) {
        Set<PushSession> subscribers = byChannel.get(channel);
        if (subscribers == null) {
            return;
        }
        for (PushSession session : subscribers) {
            Subscription sub = session.subscriptions().get(channel);
            if (sub == null) {
                continue;
            }
            boolean gap = false;
            synchronized (sub) {
                if (sub.cancelled) {
                    continue;
                }
                if (sub.catchingUp) {
                    if (sub.buffer.size() < properties.sendBufferMessages()) {
                        sub.buffer.put(seq, json);
                    }
                    continue;
                }
                if (seq <= sub.lastSent) {
                    continue;
                }
                if (seq != sub.lastSent + 1) {
                    sub.catchingUp = true;
                    sub.buffer.put(seq, json);
                    gap = true;
                } else {
                    sub.lastSent = seq;
                    session.send(json);
                    delivered.increment();
                }
            }
            if (gap) {
                scheduleCatchUp(session, sub, 0);
            }
        }
    }

    // ---- housekeeping ----

    private void housekeep() {
        try {
            long now = System.nanoTime();
            long idle = properties.idleTimeout().toNanos();
            long ping = properties.pingInterval().toNanos();
            long stuck = properties.sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
            String pingText = null;
            for (PushSession session : new ArrayList<>(sessions.values())) {
                if (!session.isOpen()) {
                    continue;
                }
                if (now - session.lastClientMessageNanos() > idle) {
                    session.close(CloseCodes.IDLE);
                } else if (session.writeStuck(stuck, now)) {
                    slowClosed.increment();
                    session.close(CloseCodes.SLOW_CONSUMER);
                } else if (now - session.lastPingNanos() >= ping) {
                    if (pingText == null) {
                        pingText = messages.ping(Instant.now());
                    }
                    session.pinged(now);
                    session.send(pingText);
                }
            }
        } catch (RuntimeException e) {
            log.warn("push housekeeping failed", e);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        catchUp.shutdownNow();
        for (PushSession session : new ArrayList<>(sessions.values())) {
            session.close(CloseCodes.SHUTDOWN);
        }
        closer.shutdown();
        try {
            closer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
