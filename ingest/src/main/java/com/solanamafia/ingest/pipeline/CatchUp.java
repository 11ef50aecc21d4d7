package com.solanamafia.ingest.pipeline;

import com.solanamafia.ingest.live.NotifiedTransactions;
import com.solanamafia.ingest.rpc.ChainTransaction;
import com.solanamafia.ingest.rpc.RpcException;
import com.solanamafia.ingest.rpc.SignatureInfo;
import com.solanamafia.ingest.rpc.SolanaRpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * The backfill path, used for history and for every gap: lists the program's signatures newer than the
 * checkpoint (newest first, paging with {@code before}), then fetches and applies them oldest first in
 * windows, fetching the next window while the current one is applied. Transactions whose logs came with their
 * logsSubscribe notification are not fetched.
 */
public class CatchUp {
    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final int MISSING_TRANSACTION_ATTEMPTS = 10;

    private final SolanaRpc rpc;
    private final IngestSettings settings;
    private final TransactionApplier applier;
    private final IngestStore store;
    private final IngestProgress progress;
    private final IngestMetrics metrics;
    private final ExecutorService fetchPool;
    private final NotifiedTransactions notified;
    /**
     * The last transaction this instance committed, so that a live round does not read the checkpoint back: only the
     * lease holder writes it. Null (read the checkpoint) at first, after any failure and after {@link #forgetPosition}.
     */
    private volatile Position position;

    public CatchUp(SolanaRpc rpc, IngestSettings settings, TransactionApplier applier, IngestStore store,
                   IngestProgress progress, IngestMetrics metrics, ExecutorService fetchPool, NotifiedTransactions notified) {
        this.rpc = rpc;
        this.settings = settings;
        this.applier = applier;
        this.store = store;
        this.progress = progress;
        this.metrics = metrics;
        this.fetchPool = fetchPool;
        this.notified = notified;
    }

    private record Position(String signature, long slot) {
    }

    /** The next run reads the checkpoint from the database (call it whenever this instance (re)gains the lease). */
    public void forgetPosition() {
        position = null;
    }

    /** Applies every transaction after the checkpoint up to {@code untilSlot} (null: the head); returns how many. */
    public long run(Long untilSlot) {
        try {
            return runFromPosition(untilSlot);
        } catch (RuntimeException | Error e) {
            position = null;   // whatever was committed or not, the next run starts from the database's checkpoint
            throw e;
        }
    }

    private long runFromPosition(Long untilSlot) {
        // the head slot only feeds progress and lag: asked for alongside the listing, not before it (a live round
        // is a few round trips, each one counts)
        CompletableFuture<Long> headSlot = CompletableFuture.supplyAsync(() -> rpc.getSlot(settings.commitment()), fetchPool);
        Position from = position;
        if (from == null) {
            from = store.checkpoint(settings.programId()).map(c -> new Position(c.lastSignature(), c.lastSlot())).orElse(null);
        }
        String after = from != null ? from.signature() : settings.fromSignature();
        Long fromSlot = from != null ? null : settings.fromSlot();
        List<SignatureInfo> pending = listOldestFirst(after, fromSlot, untilSlot);
        long head = join(headSlot);
        progress.head(head);
        if (pending.isEmpty()) {
            metrics.lag(from == null ? 0 : head - from.slot());
            position = from;
            return 0;
        }
        progress.found(pending.size());
        if (progress.phase() == IngestProgress.Phase.STARTING) {   // the backfill CLI runs catch-up alone
            progress.phase(IngestProgress.Phase.BACKFILL);
        }
        progress.runStarted(pending.size());
        applyInWindows(pending, from == null ? null : from.signature(), head);
        return pending.size();
    }

    private List<SignatureInfo> listOldestFirst(String after, Long fromSlot, Long untilSlot) {
        List<SignatureInfo> newestFirst = new ArrayList<>();
        String before = null;
        while (true) {
            List<SignatureInfo> page = rpc.getSignaturesForAddress(settings.programId(), before, after,
                    settings.pageSize(), settings.commitment());
            boolean reachedStart = false;
            for (SignatureInfo info : page) {
                if (fromSlot != null && info.slot() < fromSlot) {
                    reachedStart = true;
                    break;
                }
                if (untilSlot == null || info.slot() <= untilSlot) {
                    newestFirst.add(info);
                }
            }
            if (reachedStart || page.size() < settings.pageSize()) {
                break;
            }
            before = page.get(page.size() - 1).signature();
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private void applyInWindows(List<SignatureInfo> pending, String after, long head) {
        int window = settings.windowSize();
        CompletableFuture<List<TransactionApplier.PlannedTransaction>> next = fetch(pending.subList(0, Math.min(window, pending.size())));
        Instant lastLog = Instant.now();
        for (int start = 0; start < pending.size(); start += window) {
            List<TransactionApplier.PlannedTransaction> batch = join(next);
            int nextStart = start + window;
            next = nextStart < pending.size()
                    ? fetch(pending.subList(nextStart, Math.min(nextStart + window, pending.size())))
                    : null;
            TransactionApplier.BatchResult result = applier.applyPlanned(batch, after, next == null);
            ChainTransaction last = batch.get(batch.size() - 1).tx();
            after = last.signature();
            position = new Position(last.signature(), last.slot());
            committed(batch);
            long lastSlot = last.slot();
            progress.applied(result.transactions(), result.events(), lastSlot);
            metrics.lag(head - lastSlot);
            if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                lastLog = Instant.now();
                logProgress();
            }
        }
        if (pending.size() > window) {
            logProgress();
        }
    }

    /** Notification-to-commit latency of the notified transactions of a committed window. */
    private void committed(List<TransactionApplier.PlannedTransaction> batch) {
        long now = System.nanoTime();
        for (TransactionApplier.PlannedTransaction p : batch) {
            notified.committed(p.tx().signature()).ifPresent(n -> metrics.liveLatency(now - n.receivedNanos()));
        }
    }

    private void logProgress() {
        IngestProgress.Snapshot s = progress.snapshot();
        log.info("Ingest {}: {}/{} transactions this run, {} events in all, slot {} of head {} (lag {}), {} tx/s, ETA {} s",
                s.phase(), s.transactionsApplied(), s.transactionsToApply(), s.eventsApplied(), s.lastSlot(), s.headSlot(),
                s.slotLag(), s.transactionsPerSecond(), s.etaSeconds() == null ? "-" : s.etaSeconds());
    }

    /**
     * Fetches a window in JSON-RPC batches, several batches in flight (failed transactions need no fetch), and
     * decodes each batch on the fetch thread that got it.
     */
    private CompletableFuture<List<TransactionApplier.PlannedTransaction>> fetch(List<SignatureInfo> window) {
        List<CompletableFuture<List<TransactionApplier.PlannedTransaction>>> chunks = new ArrayList<>();
        for (int from = 0; from < window.size(); from += settings.rpcBatchSize()) {
            List<SignatureInfo> chunk = window.subList(from, Math.min(from + settings.rpcBatchSize(), window.size()));
            chunks.add(CompletableFuture.supplyAsync(() -> fetchChunk(chunk).stream().map(applier::plan).toList(), fetchPool));
        }
        return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new))
                .thenApply(done -> chunks.stream().flatMap(c -> c.join().stream()).toList());
    }

    private List<ChainTransaction> fetchChunk(List<SignatureInfo> chunk) {
        List<Optional<List<String>>> notifiedLogs = chunk.stream()
                .map(info -> info.failed() ? Optional.<List<String>>empty() : notified.logs(info.signature(), info.slot()))
                .toList();
        List<String> toFetch = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (!chunk.get(i).failed() && notifiedLogs.get(i).isEmpty()) {
                toFetch.add(chunk.get(i).signature());
            }
        }
        List<Optional<ChainTransaction>> fetched = toFetch.isEmpty() ? List.of() : rpc.getTransactions(toFetch, settings.commitment());
        List<ChainTransaction> out = new ArrayList<>(chunk.size());
        int next = 0;
        for (int i = 0; i < chunk.size(); i++) {
            SignatureInfo info = chunk.get(i);
            if (info.failed()) {
                out.add(new ChainTransaction(info.signature(), info.slot(), info.blockTime(), true, List.of()));
            } else if (notifiedLogs.get(i).isPresent()) {
                // where, when and whether it failed come from the listing; the logs are the notification's
                out.add(new ChainTransaction(info.signature(), info.slot(), info.blockTime(), false, notifiedLogs.get(i).get()));
                metrics.fromNotification();
            } else {
                Optional<ChainTransaction> tx = fetched.get(next++);
                out.add(tx.isPresent() ? tx.get() : fetchOne(info));
            }
        }
        return out;
    }

    /** A listed transaction the node cannot return yet is asked for again; it is never skipped. */
    private ChainTransaction fetchOne(SignatureInfo info) {
        for (int attempt = 1; attempt <= MISSING_TRANSACTION_ATTEMPTS; attempt++) {
            var tx = rpc.getTransaction(info.signature(), settings.commitment());
            if (tx.isPresent()) {
                return tx.get();
            }
            sleep(Duration.ofMillis(Math.min(2000, 50L << attempt)));
        }
        throw new RpcException("transaction " + info.signature() + " is listed but the node does not return it", true);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted", false);
        }
    }
}
