package com.solanamafia.query.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Redis cache of hot reads, through Redisson, keyed by convention ({@code sm:<ns>:cache:player:<wallet>},
 * {@code sm:<ns>:cache:stats:global}, hash {@code sm:<ns>:cache:leaderboards}, see {@link RedisNamespace}): each entry holds the answer's JSON and its
 * read-model position. The projections invalidate after each batch commits ({@link #invalidatePlayers},
 * {@link #invalidateStats}, {@link #invalidateLeaderboards}, {@link #invalidateAll} after a replay); TTLs bound
 * what a lost invalidation (Redis unreachable at that moment) can leave stale. When Redis is down every read goes
 * to PostgreSQL.
 */
@Component
@EnableConfigurationProperties(CacheProperties.class)
public class ReadCache {
    private final String prefix;
    private final String playerPrefix;
    private final String statsKey;
    private final String leaderboardsKey;

    /** A cached answer: the body and the read-model position for the X-Read-Model-Position header. */
    public record Entry<T>(T body, long position) {
    }

    /** The stored JSON, {@code {"position":...,"body":...}}, written and read in one pass (no JSON tree). */
    record Stored<T>(long position, T body) {
    }

    private final RedissonClient redis;
    private final RedisGuard guard;
    private final ObjectMapper json;
    private final CacheProperties properties;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ReadCache(RedissonClient redis, RedisGuard guard, ObjectMapper json, CacheProperties properties,
                     MeterRegistry meters, RedisNamespace namespace) {
        this.prefix = namespace.key("cache:");
        this.playerPrefix = prefix + "player:";
        this.statsKey = prefix + "stats:global";
        this.leaderboardsKey = prefix + "leaderboards";
        this.redis = redis;
        this.guard = guard;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
    }

    public <T> Entry<T> player(String wallet, Class<T> type, Supplier<Entry<T>> load) {
        return cached("player", playerPrefix + wallet, null, properties.playerTtl(), type, load);
    }

    public <T> Entry<T> stats(Class<T> type, Supplier<Entry<T>> load) {
        return cached("stats", statsKey, null, properties.statsTtl(), type, load);
    }

    public <T> Entry<T> leaderboard(String page, Class<T> type, Supplier<Entry<T>> load) {
        return cached("leaderboard", leaderboardsKey, page, properties.leaderboardTtl(), type, load);
    }

    public void invalidatePlayers(Collection<String> wallets) {
        if (wallets.isEmpty()) {
            return;
        }
        run("invalidate", () -> redis.getKeys().delete(wallets.stream().map(w -> playerPrefix + w).toArray(String[]::new)));
    }

    public void invalidateStats() {
        run("invalidate", () -> redis.getKeys().delete(statsKey));
    }

    public void invalidateLeaderboards() {
        run("invalidate", () -> redis.getKeys().delete(leaderboardsKey));
    }

    /** Everything (after a replay swapped whole read models). */
    public void invalidateAll() {
        run("invalidate", () -> redis.getKeys().deleteByPattern(prefix + "*"));
    }

    private <T> Entry<T> cached(String name, String key, String field, Duration ttl, Class<T> type,
                                Supplier<Entry<T>> load) {
        if (!properties.enabled() || !guard.usable()) {
            return load.get();
        }
        String hit = null;
        try {
            hit = field == null ? redis.<String>getBucket(key, StringCodec.INSTANCE).get()
                    : redis.<String, String>getMap(key, StringCodec.INSTANCE).get(field);
        } catch (Exception e) {
            guard.failed("cache", e);
            return load.get();
        }
        if (hit != null) {
            try {
                JavaType stored = json.getTypeFactory().constructParametricType(Stored.class, type);
                Stored<T> entry = json.readValue(hit, stored);
                count(name, "hit");
                return new Entry<>(entry.body(), entry.position());
            } catch (Exception unreadable) {
                // an entry of an older format: load and overwrite
            }
        }
        count(name, "miss");
        Entry<T> loaded = load.get();
        if (loaded != null && loaded.body() != null) {
            try {
                String value = json.writeValueAsString(new Stored<>(loaded.position(), loaded.body()));
                if (field == null) {
                    redis.<String>getBucket(key, StringCodec.INSTANCE).set(value, ttl);
                } else {
                    var map = redis.<String, String>getMap(key, StringCodec.INSTANCE);
                    map.fastPut(field, value);
                    map.expireIfNotSet(ttl);
                }
            } catch (Exception e) {
                guard.failed("cache", e);
            }
        }
        return loaded;
    }

    private void count(String name, String result) {
        counters.computeIfAbsent(name + ':' + result,
                k -> meters.counter("api.cache", "name", name, "result", result)).increment();
    }

    private void run(String use, Runnable action) {
        if (!guard.usable()) {
            return;
        }
        try {
            action.run();
        } catch (Exception e) {
            guard.failed(use, e);
        }
    }
}
