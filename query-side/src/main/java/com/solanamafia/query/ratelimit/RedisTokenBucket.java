package com.solanamafia.query.ratelimit;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.List;

/**
 * A token bucket in Redis, one hash per client, refilled continuously at {@code rate} tokens/s up to {@code burst}.
 * One Lua script per request (atomic across instances; Redis's own clock, so instances' clocks do not matter).
 */
public class RedisTokenBucket {
    static final String SCRIPT = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local data = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(data[1]) or burst
            local ts = tonumber(data[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            local retry = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              retry = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
            return {allowed, retry, math.floor(tokens)}
            """;

    /** The outcome: allowed or not, milliseconds until a token is available, tokens left. */
    public record Decision(boolean allowed, long retryAfterMillis, long remaining) {
    }

    private final RedissonClient redis;
    private volatile String sha;

    public RedisTokenBucket(RedissonClient redis) {
        this.redis = redis;
    }

    public Decision take(String key, double rate, int burst) {
        RScript script = redis.getScript(StringCodec.INSTANCE);
        List<Object> keys = List.of(key);
        Object[] args = {Double.toString(rate), Integer.toString(burst)};
        List<Long> result;
        String loaded = sha;
        if (loaded == null) {
            loaded = script.scriptLoad(SCRIPT);
            sha = loaded;
        }
        try {
            result = script.evalSha(RScript.Mode.READ_WRITE, loaded, RScript.ReturnType.MULTI, keys, args);
        } catch (org.redisson.client.RedisException e) {
            if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
                throw e;
            }
            result = script.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.MULTI, keys, args);
            sha = null;
        }
        return new Decision(result.get(0) == 1L, result.get(1), result.get(2));
    }
}
