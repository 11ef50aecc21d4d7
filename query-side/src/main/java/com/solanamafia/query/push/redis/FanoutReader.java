package com.solanamafia.query.push.redis;

import com.solanamafia.query.push.session.SessionRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Map;

/**
 * Every instance runs one reader of the shared fan-out stream (plain XREAD, no consumer group: each instance
 * sees every message) and hands each message to its own sessions. When Redis is unreachable it retries with
 * backoff and continues after the last id it delivered; if Redis came back without the stream (restart without
 * persistence) it starts from the new stream's beginning. Sessions notice any seq gap themselves and catch up
 * from the channel history, so a missed fan-out entry costs latency, not a message.
 */
public class FanoutReader implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FanoutReader.class);

    private final RedissonClient redisson;
    private final PushStore store;
    private final SessionRegistry registry;
    private volatile boolean running;
    private volatile boolean healthy;
    private Thread thread;

    public FanoutReader(RedissonClient redisson, PushStore store, SessionRegistry registry, MeterRegistry meters) {
        this.redisson = redisson;
        this.store = store;
        this.registry = registry;
        Gauge.builder("websocket.fanout.connected", this, r -> r.healthy ? 1 : 0).register(meters);
    }

    public boolean healthy() {
        return healthy;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "push-fanout");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static StreamMessageId parse(String id) {
        int dash = id.indexOf('-');
        return new StreamMessageId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }

    private static int compare(StreamMessageId a, StreamMessageId b) {
        int c = Long.compareUnsigned(a.getId0(), b.getId0());
        return c != 0 ? c : Long.compareUnsigned(a.getId1(), b.getId1());
    }

    private void run() {
        RStream<String, String> stream = redisson.getStream(store.fanoutKey(), StringCodec.INSTANCE);
        StreamMessageId last = null;
        boolean verify = true;
        long backoffMs = 100;
        long failingSince = 0;
        while (running) {
            try {
                if (last == null) {
                    last = parse(store.lastFanoutId()); // start at the end: older messages come from history on resume
                } else if (verify) {
                    StreamMessageId newest = parse(store.lastFanoutId());
                    if (compare(newest, last) < 0) {
                        log.warn("push fan-out stream is behind our position {} (Redis lost it?); reading it from the start", last);
                        last = new StreamMessageId(0, 0);
                    }
                }
                verify = false;
                Map<StreamMessageId, Map<String, String>> batch =
                        stream.read(StreamReadArgs.greaterThan(last).count(1000).timeout(Duration.ofSeconds(2)));
                if (!healthy) {
                    if (failingSince != 0) {
                        log.info("push fan-out reader reconnected to Redis");
                    }
                    healthy = true;
                    failingSince = 0;
                    backoffMs = 100;
                }
                if (batch == null) {
                    continue;
                }
                for (Map.Entry<StreamMessageId, Map<String, String>> entry : batch.entrySet()) {
                    last = entry.getKey();
                    Map<String, String> fields = entry.getValue();
                    try {
                        registry.deliver(fields.get("c"), Long.parseLong(fields.get("s")), fields.get("m"));
                    } catch (RuntimeException e) {
                        log.warn("push fan-out entry {} could not be delivered", entry.getKey(), e);
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                healthy = false;
                verify = true;
                if (failingSince == 0) {
                    failingSince = System.currentTimeMillis();
                    log.warn("push fan-out reader lost Redis ({}); retrying", e.toString());
                } else {
                    log.debug("push fan-out reader still failing: {}", e.toString());
                }
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoffMs = Math.min(2000, backoffMs * 2);
            }
        }
        healthy = false;
    }
}
