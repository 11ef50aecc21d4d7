package com.solanamafia.command.earnings.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.api.earnings.EarningsUpdateFailed;
import com.solanamafia.command.earnings.store.JdbcEarningsStore;
import com.solanamafia.command.earnings.store.JdbcEarningsStore.Request;
import com.solanamafia.ingest.rpc.RpcException;
import com.solanamafia.ingest.rpc.SolanaRpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the requested earnings updates; runs as ONE cluster-wide recurring task (db-scheduler), so one instance acts
 * on a due item at a time. Each tick:
 * <ol>
 * <li><b>reconcile</b> SUBMITTED rows with the chain: {@code getSignatureStatuses} (with history). Succeeded at
 * confirmed/finalized → LANDED (the ingester's EarningsAccrued then confirms the window). Failed: our instruction's
 * "not due" code → FAILED NOT_DUE; another instruction of the batch failed → back to PENDING (the atomic transaction did
 * nothing for us); other errors → FAILED REJECTED. Unknown to the node AND the block height past the transaction's
 * {@code lastValidBlockHeight} → it can never land → back to PENDING for a fresh signature. Unknown and not expired →
 * wait (it may still land).</li>
 * <li><b>send</b> PENDING rows (unless paused): rows that were sent before first check their earlier signatures
 * (a landed one → LANDED, no resend). Batches of up to {@code batchSize} players per transaction, signed by the
 * operator with a recent blockhash; the signature is stored (SUBMITTED) and committed <em>before</em> the send.</li>
 * </ol>
 * Every RPC call passes the rate limiter.
 */
public class EarningsSubmitter {
    private static final Logger log = LoggerFactory.getLogger(EarningsSubmitter.class);

    public record Settings(int batchSize, int maxPerTick, boolean skipPreflight, String commitment, Duration blockhashMaxAge,
                           int notDueCode) {
    }

    public record Stats(long rpcCalls, long transactionsSent, long updatesSent, long landed, long failed, long requeued,
                        long reconciled) {
    }

    public record DryRunBatch(String instruction, String programId, String feePayer, List<String> wallets,
                              List<List<String>> accounts, String dataHex, int messageBytes) {
    }

    private final SolanaRpc rpc;
    private final JdbcEarningsStore store;
    private final TransactionTemplate transactions;
    private final OperatorKey operator;
    private final EarningsInstructions instructions;
    private final RateLimiter limiter;
    private final Settings settings;
    private final Clock clock;
    private SolanaRpc.LatestBlockhash blockhash;
    private Instant blockhashAt;
    private final AtomicLong rpcCalls = new AtomicLong();
    private final AtomicLong txSent = new AtomicLong();
    private final AtomicLong updatesSent = new AtomicLong();
    private final AtomicLong landed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong requeued = new AtomicLong();
    private final AtomicLong reconciled = new AtomicLong();
    private volatile Runnable afterSubmitHook = () -> { };

    public EarningsSubmitter(SolanaRpc rpc, JdbcEarningsStore store, TransactionTemplate transactions, OperatorKey operator,
                             EarningsInstructions instructions, RateLimiter limiter, Settings settings, Clock clock) {
        this.rpc = rpc;
        this.store = store;
        this.transactions = transactions;
        this.operator = operator;
        this.instructions = instructions;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
    }

    /** Test hook: runs after the signatures are committed and before the transaction is sent (crash simulation). */
    public void setAfterSubmitHook(Runnable hook) {
        this.afterSubmitHook = hook == null ? () -> { } : hook;
    }

    public Stats stats() {
        return new Stats(rpcCalls.get(), txSent.get(), updatesSent.get(), landed.get(), failed.get(), requeued.get(), reconciled.get());
    }

    public String operatorPublicKey() {
        return operator.publicKey();
    }

    public EarningsInstructions instructions() {
        return instructions;
    }

    /** One pass: reconcile, then send. Returns the number of updates sent. */
    public synchronized int tick() {
        reconcile();
        if (store.paused()) {
            return 0;
        }
        return send();
    }

    // ------------------------------------------------------------------ reconcile

    void reconcile() {
        List<Request> submitted = store.submitted(256);
        if (submitted.isEmpty()) {
            return;
        }
        List<String> signatures = submitted.stream().map(Request::signature).toList();
        List<Optional<SolanaRpc.SignatureStatus>> statuses;
        try {
            statuses = rpc(() -> rpc.getSignatureStatuses(signatures, true));
        } catch (RpcException e) {
            log.warn("earnings: cannot reconcile {} submitted update(s): {}", submitted.size(), e.getMessage());
            return;
        }
        Long height = null;
        for (int i = 0; i < submitted.size(); i++) {
            Request r = submitted.get(i);
            Optional<SolanaRpc.SignatureStatus> status = statuses.get(i);
            if (status.isPresent()) {
                SolanaRpc.SignatureStatus s = status.get();
                if (s.succeeded()) {
                    if ("confirmed".equals(s.confirmationStatus()) || "finalized".equals(s.confirmationStatus())) {
                        transactions.executeWithoutResult(t -> store.markLanded(r));
                        landed.incrementAndGet();
                        reconciled.incrementAndGet();
                    }
                    continue;
                }
                reconciled.incrementAndGet();
                onChainFailure(r, s.err());
                continue;
            }
            if (r.lastValidBlockHeight() == null) {
                continue;
            }
            if (height == null) {
                try {
                    height = rpc(() -> rpc.getBlockHeight("finalized"));
                } catch (RpcException e) {
                    log.warn("earnings: cannot read the block height: {}", e.getMessage());
                    return;
                }
            }
            if (height > r.lastValidBlockHeight()) {
                // the node never saw it and its blockhash is past its last valid height: it can never land
                transactions.executeWithoutResult(t -> store.requeue(r, "blockhash expired before the transaction landed", clock.instant()));
                requeued.incrementAndGet();
                reconciled.incrementAndGet();
            }
        }
    }

    private void onChainFailure(Request r, JsonNode err) {
        JsonNode ix = err.path("InstructionError");
        if (ix.isArray() && ix.size() == 2) {
            int index = ix.get(0).asInt();
            JsonNode detail = ix.get(1);
            if (r.instructionIndex() != null && index != r.instructionIndex()) {
                // the batch is atomic: another player's instruction failed, ours did nothing; send again at once
                transactions.executeWithoutResult(t -> store.requeue(r, "batch failed at instruction " + index + ": " + detail, clock.instant()));
                requeued.incrementAndGet();
                return;
            }
            if (detail.path("Custom").isInt() && detail.path("Custom").asInt() == settings.notDueCode()) {
                transactions.executeWithoutResult(t -> store.markFailed(r, EarningsUpdateFailed.Kind.NOT_DUE, "program: not due yet (" + settings.notDueCode() + ")"));
                failed.incrementAndGet();
                return;
            }
        }
        transactions.executeWithoutResult(t -> store.markFailed(r, EarningsUpdateFailed.Kind.REJECTED, "transaction failed: " + err));
        failed.incrementAndGet();
    }

    // ------------------------------------------------------------------ send

    int send() {
        List<Request> pending = store.pendingDue(settings.maxPerTick());
        if (pending.isEmpty()) {
            return 0;
        }
        List<Request> sendable = checkEarlierSignatures(pending);
        int sent = 0;
        for (int from = 0; from < sendable.size(); from += settings.batchSize()) {
            List<Request> batch = sendable.subList(from, Math.min(sendable.size(), from + settings.batchSize()));
            if (!sendBatch(batch)) {
                break;
            }
            sent += batch.size();
        }
        return sent;
    }

    /** Before re-sending a window, make sure none of its earlier transactions landed after all. */
    private List<Request> checkEarlierSignatures(List<Request> pending) {
        List<Request> withPrior = pending.stream().filter(r -> !r.priorSignatures().isEmpty()).toList();
        if (withPrior.isEmpty()) {
            return pending;
        }
        List<String> sigs = new ArrayList<>();
        withPrior.forEach(r -> sigs.addAll(r.priorSignatures()));
        List<Optional<SolanaRpc.SignatureStatus>> statuses = new ArrayList<>();
        try {
            for (int from = 0; from < sigs.size(); from += 256) {
                List<String> chunk = sigs.subList(from, Math.min(sigs.size(), from + 256));
                statuses.addAll(rpc(() -> rpc.getSignatureStatuses(chunk, true)));
            }
        } catch (RpcException e) {
            log.warn("earnings: cannot check earlier signatures, not re-sending now: {}", e.getMessage());
            return pending.stream().filter(r -> r.priorSignatures().isEmpty()).toList();
        }
        java.util.Set<Request> landedBefore = new java.util.HashSet<>();
        int k = 0;
        for (Request r : withPrior) {
            for (String ignored : r.priorSignatures()) {
                Optional<SolanaRpc.SignatureStatus> s = statuses.get(k++);
                if (s.isPresent() && s.get().succeeded()) {
                    landedBefore.add(r);
                }
            }
        }
        for (Request r : landedBefore) {
            log.info("earnings: an earlier transaction for {} window {} landed after all; not re-sending", r.wallet(), r.dueAt());
            transactions.executeWithoutResult(t -> {
                store.requeue(r, "earlier signature landed", clock.instant());   // keeps history
                store.markFailed(r, EarningsUpdateFailed.Kind.NOT_DUE, "an earlier transaction for this window landed");
            });
        }
        return pending.stream().filter(r -> !landedBefore.contains(r)).toList();
    }

    private boolean sendBatch(List<Request> batch) {
        SolanaRpc.LatestBlockhash recent;
        try {
            recent = blockhash();
        } catch (RpcException e) {
            log.warn("earnings: no blockhash, {} update(s) wait: {}", batch.size(), e.getMessage());
            return false;
        }
        List<LegacyMessage.Instruction> ixs = batch.stream().map(r -> instructions.forPlayer(r.wallet().base58())).toList();
        LegacyMessage.SignedTransaction signed = LegacyMessage.compile(operator.publicKey(), recent.blockhash(), ixs).sign(operator);
        List<JdbcEarningsStore.Submission> submissions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            submissions.add(new JdbcEarningsStore.Submission(r.wallet(), r.dueAt(), r.attempt(), signed.signature(), i, batch.size(),
                    recent.lastValidBlockHeight()));
        }
        transactions.executeWithoutResult(t -> store.markSubmitted(submissions));   // durable BEFORE the send
        afterSubmitHook.run();
        try {
            rpc(() -> rpc.sendTransaction(signed.wire(), settings.skipPreflight(), settings.commitment()));
            txSent.incrementAndGet();
            updatesSent.addAndGet(batch.size());
            return true;
        } catch (RpcException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Blockhash not found") || msg.contains("BlockhashNotFound")) {
                // refused by the node: this signature was not accepted; re-sign with a fresh blockhash
                blockhash = null;
                for (JdbcEarningsStore.Submission s : submissions) {
                    Request r = reload(batch, s);
                    transactions.executeWithoutResult(t -> store.requeue(r, "blockhash not found: re-signing", clock.instant()));
                    requeued.incrementAndGet();
                }
                return true;
            }
            if (!e.retryable() && (msg.contains("-32003") || msg.contains("-32602") || msg.contains("-32002"))) {
                for (JdbcEarningsStore.Submission s : submissions) {
                    Request r = reload(batch, s);
                    transactions.executeWithoutResult(t -> store.markFailed(r, EarningsUpdateFailed.Kind.REJECTED, "node refused: " + msg));
                    failed.incrementAndGet();
                }
                return true;
            }
            // unknown outcome (timeouts, 5xx after retries, malformed answers): the node may have taken it.
            // The rows stay SUBMITTED; reconcile decides from the chain (status, or blockhash expiry).
            log.warn("earnings: send of {} outcome unknown ({}); the chain will tell", signed.signature(), msg);
            return false;
        }
    }

    private static Request reload(List<Request> batch, JdbcEarningsStore.Submission s) {
        Request r = batch.get(s.instructionIndex());
        return new Request(r.wallet(), r.dueAt(), "SUBMITTED", r.attempt(), r.trigger(), r.nextAttemptAt(), s.signature(),
                s.instructionIndex(), s.lastValidBlockHeight(), null, r.priorSignatures(), r.sends() + 1, null, null);
    }

    private SolanaRpc.LatestBlockhash blockhash() {
        Instant now = clock.instant();
        if (blockhash == null || blockhashAt == null || Duration.between(blockhashAt, now).compareTo(settings.blockhashMaxAge()) > 0) {
            blockhash = rpc(() -> rpc.getLatestBlockhash(settings.commitment()));
            blockhashAt = now;
        }
        return blockhash;
    }

    private <T> T rpc(java.util.function.Supplier<T> call) {
        limiter.acquire();
        rpcCalls.incrementAndGet();
        return call.get();
    }

    // ------------------------------------------------------------------ dry run

    /** What would be sent for these wallets now: batches, accounts, data; nothing is signed or sent. */
    public List<DryRunBatch> dryRun(List<String> wallets) {
        List<DryRunBatch> out = new ArrayList<>();
        for (int from = 0; from < wallets.size(); from += settings.batchSize()) {
            List<String> batch = wallets.subList(from, Math.min(wallets.size(), from + settings.batchSize()));
            List<LegacyMessage.Instruction> ixs = batch.stream().map(instructions::forPlayer).toList();
            int size = LegacyMessage.compile(operator.publicKey(), "11111111111111111111111111111111", ixs).bytes().length;
            out.add(new DryRunBatch(instructions.instructionName(), instructions.programId(), operator.publicKey(), List.copyOf(batch),
                    ixs.stream().map(ix -> ix.accounts().stream().map(m -> m.pubkey() + (m.signer() ? " (signer)" : "")
                            + (m.writable() ? " (writable)" : "")).toList()).toList(),
                    HexFormat.of().formatHex(instructions.data()), size + 1 + 64));
        }
        return out;
    }
}
