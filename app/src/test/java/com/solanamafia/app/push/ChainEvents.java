package com.solanamafia.app.push;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.sim.ChainSimulator;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;

/**
 * The push benchmark's events as the program logs them: EarningsUpdated events (earnings_added = k, the event's
 * number; total_pending consistent per wallet, so the command side flags no discrepancy) in update_earnings
 * transactions of the app's chain simulator, which notifies the app's live ingester when it appends them. Remembers
 * when each event's transaction was appended (epoch ms): the start of its end-to-end latency.
 */
final class ChainEvents {
    private static final int MAX_EVENTS_PER_TRANSACTION = 20;

    private final ChainSimulator sim;
    private final String programId;
    private final EventCodec codec;
    private final long[] notifiedAt;
    private final Map<String, BigInteger> pending = new HashMap<>();
    private final List<String> eventLines = new ArrayList<>();
    private final List<Long> numbers = new ArrayList<>();

    ChainEvents(ChainSimulator sim, long total) {
        this.sim = sim;
        this.programId = sim.game().programId();
        this.codec = sim.game().codec();
        this.notifiedAt = new long[(int) total + 1];
    }

    /** Waits until the app's ingester listens live (its logsSubscribe is in). */
    void awaitIngesting() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> sim.subscriptionCount() > 0);
    }

    /** Event {@code k}: {@code k} lamports accrued to the wallet, in the transaction being built. */
    void accrue(long k, Wallet wallet) {
        BigInteger total = pending.merge(wallet.base58(), BigInteger.valueOf(k), BigInteger::add);
        eventLines.add(codec.encodeLogLine("EarningsUpdated", Map.of("player", wallet.base58(),
                "earnings_added", Long.toString(k), "total_pending", total.toString(),
                "next_earnings_time", Long.toString(Instant.now().getEpochSecond() + 86_400),
                "businesses_count", "1")));
        numbers.add(k);
        if (numbers.size() == MAX_EVENTS_PER_TRANSACTION) {
            append();
        }
    }

    /** Appends the transaction built so far (if any): the simulator notifies its subscribers. */
    void append() {
        if (numbers.isEmpty()) {
            return;
        }
        List<String> logs = new ArrayList<>();
        logs.add("Program " + programId + " invoke [1]");
        logs.add("Program log: Instruction: UpdateEarnings");
        logs.addAll(eventLines);
        logs.add("Program " + programId + " consumed " + (5_000 * numbers.size()) + " of 1400000 compute units");
        logs.add("Program " + programId + " success");
        long at = System.currentTimeMillis();
        sim.appendTransaction(logs);
        for (long k : numbers) {
            notifiedAt[(int) k] = at;
        }
        eventLines.clear();
        numbers.clear();
    }

    /** One line per event, k = 1..total: when its transaction was appended and notified (epoch ms). */
    void writeNotifiedAt(Path file) throws IOException {
        append();
        Files.writeString(file, LongStream.range(1, notifiedAt.length).mapToObj(k -> Long.toString(notifiedAt[(int) k]))
                .collect(Collectors.joining("\n", "", "\n")));
    }
}
