package com.solanamafia.app.earnings;

import com.solanamafia.command.earnings.submission.OperatorKey;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.sim.earnings.EarningsUpdateProcessor;
import com.solanamafia.sim.ledger.SimTransaction;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole earnings loop against the chain simulator, for one test class (time compressed 3600x: a day-long due
 * window is 24 s): players of a live generated game join and buy businesses at spread times; the schedule saga's
 * durable deadlines fire; the submitter signs and sends batched updates; the simulator verifies and executes them;
 * the ingester brings the EarningsUpdated events back, which confirm the windows.
 */
final class EarningsLoop implements AutoCloseable {
    static final String WRITE_TOKEN = "write-token-for-tests";
    static final String READ_TOKEN = "read-token-for-tests";
    private static final byte[] SEED = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            SEED[i] = (byte) (i * 7 + 3);
        }
    }

    final ChainSimulator sim;
    private final EarningsUpdateProcessor processor;
    private final OperatorKey operator;

    private EarningsLoop(ChainSimulator sim, EarningsUpdateProcessor processor, OperatorKey operator) {
        this.sim = sim;
        this.processor = processor;
        this.operator = operator;
    }

    /** A fresh database, a live simulated game, and the app's settings for both. */
    static EarningsLoop start(DynamicPropertyRegistry registry, String database) {
        TestPostgres.freshDatabase(database).register(registry);
        TestRedis.register(registry);
        OperatorKey operator = OperatorKey.ofBytes(SEED);
        ChainSimulator sim = ChainSimulator.start(SimConfig.builder().seed(11).players(8).liveGame(true).tps(12)
                .tickSlots(true).slotMillis(100).timeCompression(3600).build());
        sim.game().setExternalEarningsUpdates(true);
        EarningsUpdateProcessor processor = new EarningsUpdateProcessor(sim.game(), operator.publicKey(), 150);
        sim.setTransactionProcessor(processor);
        registry.add("solana-mafia.solana.rpc-url", sim::rpcUrl);
        registry.add("solana-mafia.earnings.operator-keypair", () -> OperatorKey.cliJson(SEED));
        registry.add("solana-mafia.earnings.time-compression", () -> "3600");
        registry.add("solana-mafia.earnings.tick", () -> "200ms");
        registry.add("solana-mafia.earnings.rpc-per-second", () -> "500");
        registry.add("solana-mafia.earnings.backoff-base", () -> "500ms");
        registry.add("solana-mafia.earnings.confirm-timeout", () -> "5s");
        registry.add("solana-mafia.earnings.grace", () -> "30m");
        registry.add("db-scheduler.polling-interval", () -> "200ms");
        registry.add("solana-mafia.ingest.poll-interval", () -> "300ms");
        registry.add("solana-mafia.admin.tokens[0].name", () -> "ops");
        registry.add("solana-mafia.admin.tokens[0].sha256", () -> sha256(WRITE_TOKEN));
        registry.add("solana-mafia.admin.tokens[0].roles", () -> "admin:read,admin:write");
        registry.add("solana-mafia.admin.tokens[1].name", () -> "viewer");
        registry.add("solana-mafia.admin.tokens[1].sha256", () -> sha256(READ_TOKEN));
        registry.add("solana-mafia.admin.tokens[1].roles", () -> "admin:read");
        return new EarningsLoop(sim, processor, operator);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Update(String wallet, long blockTime, long next, String signature) {
    }

    /** Our EarningsUpdated events on the chain, per player, in chain order. */
    Map<String, List<Update>> updatesOnChain() {
        EventCodec codec = sim.game().codec();
        Map<String, List<Update>> out = new HashMap<>();
        for (SimTransaction tx : sim.ledger().all()) {
            if (!tx.succeeded() || tx.accountKeys().isEmpty() || !tx.accountKeys().get(0).equals(operator.publicKey())) {
                continue;
            }
            for (String line : tx.logMessages()) {
                if (line.startsWith(EventCodec.PROGRAM_DATA_PREFIX)) {
                    codec.decodeBase64(line.substring(EventCodec.PROGRAM_DATA_PREFIX.length())).ifPresent(p -> {
                        if (p.name().equals("EarningsUpdated")) {
                            String w = String.valueOf(p.fields().get("player"));
                            out.computeIfAbsent(w, k -> new ArrayList<>()).add(new Update(w, tx.blockTime(),
                                    Long.parseLong(String.valueOf(p.fields().get("next_earnings_time"))), tx.signature()));
                        }
                    });
                }
            }
        }
        return out;
    }

    int updateCount() {
        return updatesOnChain().values().stream().mapToInt(List::size).sum();
    }

    /** On time: in the first half of the due window (12 h of chain time = 12 s of wall time on a busy CI machine). */
    void assertWindowsPaidOnceAndOnTime(JdbcTemplate jdbc) {
        assertWindowsPaidOnceAndOnTime(jdbc, 12 * 3600);
    }

    void assertWindowsPaidOnceAndOnTime(JdbcTemplate jdbc, long maxLateChainSeconds) {
        Map<String, List<Update>> updates = updatesOnChain();
        for (List<Update> list : updates.values()) {
            for (int i = 1; i < list.size(); i++) {
                Update prev = list.get(i - 1);
                Update cur = list.get(i);
                // exactly one update per window: the next one only after the previous due time passed...
                assertThat(cur.blockTime()).as("update %s of %s before its window", i, cur.wallet()).isGreaterThanOrEqualTo(prev.next());
                // ...and not a window skipped (on time: within maxLateChainSeconds of the due time)
                assertThat(cur.blockTime() - prev.next()).as("lateness of update %s of %s", i, cur.wallet()).isLessThan(maxLateChainSeconds);
            }
        }
        // never two successful transactions for one window
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT wallet, due_at FROM earnings.update_attempt WHERE outcome = 'LANDED'
                GROUP BY wallet, due_at HAVING count(*) > 1) x""", Integer.class)).isZero();
        // windows the ingester confirmed match the updates on chain
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, List<Update>> now = updatesOnChain();
            for (Map.Entry<String, List<Update>> e : updates.entrySet()) {
                Integer confirmed = jdbc.queryForObject("SELECT count(*) FROM earnings.update_attempt WHERE wallet = ? AND outcome = 'CONFIRMED'",
                        Integer.class, e.getKey());
                assertThat(confirmed).isGreaterThanOrEqualTo(e.getValue().size() - 1).isLessThanOrEqualTo(now.get(e.getKey()).size());
            }
        });
    }

    @Override
    public void close() {
        sim.close();
        processor.close();
    }
}
