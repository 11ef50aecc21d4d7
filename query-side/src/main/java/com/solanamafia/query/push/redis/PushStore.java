package com.solanamafia.query.push.redis;

import com.solanamafia.query.push.PushProperties;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.List;

/**
 * The Redis side of push: per-channel sequence counters, per-channel bounded history and the shared fan-out
 * stream. Every write is one Lua script, so a message's seq, its history entry and its fan-out entry exist
 * together or not at all, and an event id already published is skipped (processor redelivery).
 *
 * <p>Keys share one hash tag, {@code {sm:<namespace>:push}} (see {@code RedisNamespace}), so the scripts also run on a
 * Redis Cluster (one slot) and deployments or test databases sharing a Redis server never see each other's messages.
 * A channel's counter starts at {@code redis-time-ms * 1000} when it does not exist (first use, expiry, or
 * Redis lost its data), so seq never goes backwards for a client even across a Redis data loss; the jump
 * leaves a gap that clients see as {@code resync}.</p>
 */
public class PushStore {

    /** Shared by both scripts: returns the channel's counter, creating it above everything ever issued. */
    private static final String ENSURE_COUNTER = """
            local function ensure(seqKey, histKey, ttl)
              local v = redis.call('GET', seqKey)
              if v then return tonumber(v) end
              local t = redis.call('TIME')
              local base = tonumber(t[1]) * 1000000 + math.floor(tonumber(t[2]) / 1000) * 1000
              local last = redis.call('XREVRANGE', histKey, '+', '-', 'COUNT', 1)
              if #last > 0 then
                local lastSeq = tonumber(string.match(last[1][1], '^(%d+)'))
                if lastSeq >= base then base = lastSeq end
              end
              redis.call('SET', seqKey, string.format('%d', base), 'EX', ttl)
              return base
            end
            local function nowMs()
              local t = redis.call('TIME')
              return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end
            """;

    /*
     * KEYS: fanout, position, then per event: dedupe, then per message of that event: (seqKey, histKey).
     * ARGV: dedupeTtl, histMaxLen, histTtl, fanoutMaxLen, counterTtl, eventCount,
     *       then per event: (position, messageCount, then per message: (channel, head, tail)).
     * Events already published (dedupe key present) are skipped. Returns the number of messages written.
     */
    private static final String PUBLISH = ENSURE_COUNTER + """
            local now = string.format('%d', nowMs())
            local k = 3
            local a = 7
            local written = 0
            local maxPos = -1
            for e = 1, tonumber(ARGV[6]) do
              local dedupe = KEYS[k]
              k = k + 1
              local pos = tonumber(ARGV[a])
              local n = tonumber(ARGV[a + 1])
              a = a + 2
              local fresh = redis.call('SET', dedupe, '1', 'NX', 'EX', ARGV[1])
              for i = 1, n do
                local seqKey = KEYS[k]
                local histKey = KEYS[k + 1]
                if fresh then
                  ensure(seqKey, histKey, ARGV[5])
                  local s = string.format('%d', redis.call('INCR', seqKey))
                  redis.call('EXPIRE', seqKey, ARGV[5])
                  local msg = ARGV[a + 1] .. s .. ARGV[a + 2]
                  redis.call('XADD', histKey, 'MAXLEN', ARGV[2], s .. '-0', 't', now, 'm', msg)
                  redis.call('EXPIRE', histKey, ARGV[3])
                  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', 'c', ARGV[a], 's', s, 'm', msg)
                  written = written + 1
                end
                k = k + 2
                a = a + 3
              end
              if pos > maxPos then maxPos = pos end
            end
            local old = tonumber(redis.call('GET', KEYS[2]) or '-1')
            if maxPos > old then redis.call('SET', KEYS[2], string.format('%d', maxPos)) end
            return written
            """;

    /*
     * KEYS: seqKey, histKey, position. ARGV: counterTtl, afterSeq ('' for none), maxCount.
     * Returns {current seq, position, now ms, then (seq, ts, msg)* of entries with seq > afterSeq}.
     */
    private static final String RESUME = ENSURE_COUNTER + """
            local cur = ensure(KEYS[1], KEYS[2], ARGV[1])
            local out = {string.format('%d', cur), redis.call('GET', KEYS[3]) or '-1', string.format('%d', nowMs())}
            if ARGV[2] ~= '' and tonumber(ARGV[2]) < cur then
              local from = string.format('%d', tonumber(ARGV[2]) + 1) .. '-0'
              local entries = redis.call('XRANGE', KEYS[2], from, '+', 'COUNT', ARGV[3])
              for _, e in ipairs(entries) do
                local f = e[2]
                local ts, m
                for j = 1, #f, 2 do
                  if f[j] == 't' then ts = f[j + 1] elseif f[j] == 'm' then m = f[j + 1] end
                end
                table.insert(out, string.match(e[1], '^(%d+)'))
                table.insert(out, ts)
                table.insert(out, m)
              end
            end
            return out
            """;

    private static final String LAST_FANOUT_ID = """
            local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            if #last == 0 then return '0-0' end
            return last[1][1]
            """;

    private final RedissonClient redisson;
    private final PushProperties properties;
    private final String tag;

    public PushStore(RedissonClient redisson, PushProperties properties, String namespace) {
        this.redisson = redisson;
        this.properties = properties;
        this.tag = "{" + namespace + "}:";
    }

    /** The stream every gateway instance reads. */
    public String fanoutKey() {
        return tag + "fanout";
    }

    private String positionKey() {
        return tag + "position";
    }

    /** One message for one channel; its JSON is {@code head + seq + tail}. */
    public record Outgoing(String channel, String head, String tail) {
    }

    /** A message read back from a channel's history. */
    public record Stored(long seq, long timestampMs, String json) {
    }

    /** A channel's state for a (re)subscribing client. */
    public record Resume(long currentSeq, long position, long nowMs, List<Stored> entries) {
    }

    String seqKey(String channel) {
        return tag + "seq:" + channel;
    }

    String historyKey(String channel) {
        return tag + "hist:" + channel;
    }

    private long counterTtlSeconds() {
        return Math.max(properties.historyMaxAge().toSeconds() * 2, 7 * 24 * 3600L);
    }

    /** The messages one domain event causes. */
    public record EventMessages(String eventId, long position, List<Outgoing> messages) {
    }

    /**
     * Assigns seqs, appends history and fans out, atomically, for a batch of events (one round trip); returns how
     * many messages were written (events published before are skipped). Throws when Redis is unavailable: the
     * push processor then retries the batch.
     */
    public int publish(List<EventMessages> events) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Object> keys = new ArrayList<>();
        keys.add(fanoutKey());
        keys.add(positionKey());
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(Math.max(1, properties.dedupeTtl().toSeconds())));
        args.add(Integer.toString(properties.historyMaxLength()));
        args.add(Long.toString(Math.max(1, properties.historyMaxAge().toSeconds())));
        args.add(Integer.toString(properties.fanoutMaxLength()));
        args.add(Long.toString(counterTtlSeconds()));
        args.add(Integer.toString(events.size()));
        for (EventMessages event : events) {
            keys.add(tag + "dedupe:" + event.eventId());
            args.add(Long.toString(event.position()));
            args.add(Integer.toString(event.messages().size()));
            for (Outgoing m : event.messages()) {
                keys.add(seqKey(m.channel()));
                keys.add(historyKey(m.channel()));
                args.add(m.channel());
                args.add(m.head());
                args.add(m.tail());
            }
        }
        Long written = script().eval(RScript.Mode.READ_WRITE, PUBLISH, RScript.ReturnType.INTEGER, keys, args.toArray());
        return written == null ? 0 : written.intValue();
    }

    /** One event's messages; see {@link #publish(List)}. */
    public int publish(String eventId, long position, List<Outgoing> messages) {
        return publish(List.of(new EventMessages(eventId, position, messages)));
    }

    /** The channel's current seq, and its retained messages after {@code afterSeq} (null: none wanted). */
    public Resume resume(String channel, Long afterSeq) {
        List<Object> raw = script().eval(RScript.Mode.READ_WRITE, RESUME, RScript.ReturnType.MULTI,
                List.of(seqKey(channel), historyKey(channel), positionKey()),
                Long.toString(counterTtlSeconds()), afterSeq == null ? "" : Long.toString(afterSeq),
                Integer.toString(properties.historyMaxLength() + 1));
        long current = Long.parseLong(String.valueOf(raw.get(0)));
        long position = Long.parseLong(String.valueOf(raw.get(1)));
        long now = Long.parseLong(String.valueOf(raw.get(2)));
        List<Stored> entries = new ArrayList<>((raw.size() - 3) / 3);
        for (int i = 3; i + 2 < raw.size(); i += 3) {
            entries.add(new Stored(Long.parseLong(String.valueOf(raw.get(i))),
                    Long.parseLong(String.valueOf(raw.get(i + 1))), String.valueOf(raw.get(i + 2))));
        }
        return new Resume(current, position, now, entries);
    }

    /** The id of the newest fan-out entry, "0-0" when the stream is empty or missing. */
    public String lastFanoutId() {
        return script().eval(RScript.Mode.READ_ONLY, LAST_FANOUT_ID, RScript.ReturnType.VALUE, List.of(fanoutKey()));
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }
}
