package com.solanamafia.ingest.pipeline;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.CommandTargets;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.DecodeFailure;
import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.logs.TransactionDecodeResult;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import com.solanamafia.ingest.logs.UnknownEvent;
import com.solanamafia.ingest.quarantine.QuarantineItem;
import com.solanamafia.ingest.quarantine.QuarantineStore;
import com.solanamafia.ingest.rpc.ChainTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies transactions, in chain order, as one database transaction: the domain events their program events
 * become, the positions, the quarantined leftovers and the checkpoint commit together or not at all. Commands
 * run inside one root unit of work, so each aggregate is loaded once per batch and the events are appended in
 * one go when it commits.
 */
public class TransactionApplier {
    private static final Logger log = LoggerFactory.getLogger(TransactionApplier.class);

    private final String programId;
    private final TransactionLogDecoder decoder;
    private final ChainEventTranslator translator;
    private final CommandGateway commands;
    private final IngestStore store;
    private final QuarantineStore quarantine;
    private final TransactionTemplate transactions;
    private final IngestMetrics metrics;
    private final NewAggregates.Lookup newAggregates;

    public TransactionApplier(String programId, IdlRegistry registry, ChainEventTranslator translator,
                              CommandGateway commands, IngestStore store, QuarantineStore quarantine,
                              TransactionTemplate transactions, IngestMetrics metrics, NewAggregates.Lookup newAggregates) {
        this.programId = programId;
        this.decoder = new TransactionLogDecoder(registry);
        this.translator = translator;
        this.commands = commands;
        this.store = store;
        this.quarantine = quarantine;
        this.transactions = transactions;
        this.metrics = metrics;
        this.newAggregates = newAggregates;
    }

    /**
     * Applies transactions planned by {@link #plan} (the catch-up plans them on its fetch threads, so decoding
     * does not hold up the single apply thread) after the checkpoint at {@code after} (null: none yet).
     * {@code durable}: the commit waits for the disk; a window that another one follows need not (see
     * {@link IngestStore#commitWithoutWaitingForDisk}): the last window's commit makes the earlier ones durable too.
     */
    public BatchResult applyPlanned(List<PlannedTransaction> batch, String after, boolean durable) {
        if (batch.isEmpty()) {
            return new BatchResult(0, 0);
        }
        BatchResult result = transactions.execute(status -> {
            if (!durable) {
                store.commitWithoutWaitingForDisk();
            }
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                BatchResult applied = applyInUnitOfWork(batch, after, unitOfWork);
                unitOfWork.commit();
                return applied;
            } catch (RuntimeException | Error e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                throw e;
            }
        });
        metrics.applied(result);
        return result;
    }

    private BatchResult applyInUnitOfWork(List<PlannedTransaction> batch, String after, UnitOfWork<?> window) {
        Set<String> known = store.alreadyApplied(batch.stream().map(p -> p.tx().signature()).toList());
        List<PlannedTransaction> planned = batch.stream().filter(p -> !known.contains(p.tx().signature())).toList();
        Set<String> targets = new HashSet<>();
        planned.forEach(p -> p.commands().forEach(c -> targets.add(c.target())));
        NewAggregates.register(window, newAggregates.withoutEvents(targets));

        List<IngestStore.AppliedTransaction> recorded = new ArrayList<>();
        List<DecodedEvent> positions = new ArrayList<>();
        for (PlannedTransaction p : planned) {
            report(p);
            for (PlannedCommand c : p.commands()) {
                FollowUpCommands.send(commands, c.command());
                positions.add(c.event());
            }
            recorded.add(new IngestStore.AppliedTransaction(p.tx(), p.status(), p.commands().size()));
        }
        store.recordTransactions(programId, recorded);
        store.recordPositions(positions);
        store.advanceCheckpoint(programId, after, batch.get(batch.size() - 1).tx(), recorded.size(), positions.size());
        return new BatchResult(recorded.size(), positions.size());
    }

    /** Metrics, the truncation warning and the quarantine rows of a transaction being applied. */
    private void report(PlannedTransaction p) {
        if (p.status().equals("failed")) {
            metrics.failedTransaction();
        } else if (p.status().equals("truncated")) {
            metrics.truncatedTransaction();
            log.warn("Transaction {} has truncated logs: events after the cut may be missing", p.tx().signature());
        }
        for (Quarantined q : p.quarantined()) {
            quarantine.add(programId, p.tx().signature(), q.instructionPath(), q.ordinal(), p.tx().slot(),
                    p.tx().blockTime(), q.kind(), q.rawLine(), q.reason());
            metrics.quarantined();
        }
    }

    /**
     * Decodes a transaction and translates its events into commands; what cannot be decoded or translated is
     * listed for the quarantine. Touches no database: safe on any thread.
     */
    public PlannedTransaction plan(ChainTransaction tx) {
        TransactionDecodeResult decoded = decoder.decode(tx.signature(), tx.logMessages(), tx.failed(), tx.slot(), tx.blockTime());
        if (decoded.failedTransaction()) {
            return new PlannedTransaction(tx, "failed", List.of(), List.of());
        }
        List<Quarantined> quarantined = new ArrayList<>(problems(decoded));
        List<PlannedCommand> planned = new ArrayList<>();
        for (DecodedEvent event : decoded.events()) {
            ChainFact fact = new ChainFact(event.position(), tx.slot(),
                    tx.blockTime() == null ? null : Instant.ofEpochSecond(tx.blockTime()));
            try {
                var version = decoder.registry().lookup(event.programId(), tx.slot()).orElseThrow();
                Object command = translator.toCommand(event, fact, version.idl());
                if (command != null) {
                    planned.add(new PlannedCommand(event, command, CommandTargets.INSTANCE.targetOf(command)));
                }
            } catch (RuntimeException e) {
                quarantined.add(new Quarantined(event.position().instructionPath(), event.position().ordinal(),
                        QuarantineItem.UNMAPPABLE, "Program data: " + event.rawBase64(), event.name() + ": " + e.getMessage()));
            }
        }
        return new PlannedTransaction(tx, decoded.truncated() ? "truncated" : "applied", planned, quarantined);
    }

    private static List<Quarantined> problems(TransactionDecodeResult decoded) {
        List<Quarantined> out = new ArrayList<>();
        for (DecodeFailure failure : decoded.failures()) {
            out.add(new Quarantined(failure.position() == null ? null : failure.position().instructionPath(),
                    failure.position() == null ? null : failure.position().ordinal(),
                    QuarantineItem.UNDECODABLE, failure.rawLine(), failure.reason()));
        }
        for (UnknownEvent unknown : decoded.unknown()) {
            out.add(new Quarantined(unknown.position().instructionPath(), unknown.position().ordinal(),
                    QuarantineItem.UNKNOWN_EVENT, "Program data: " + unknown.rawBase64(),
                    "unknown event discriminator " + unknown.discriminatorHex()));
        }
        return out;
    }

    /** A transaction decoded and translated, not yet applied. */
    public record PlannedTransaction(ChainTransaction tx, String status, List<PlannedCommand> commands,
                                     List<Quarantined> quarantined) {
    }

    record PlannedCommand(DecodedEvent event, Object command, String target) {
    }

    /** Something of a transaction that goes to the quarantine when the transaction is applied. */
    record Quarantined(String instructionPath, Integer ordinal, String kind, String rawLine, String reason) {
    }

    public record BatchResult(int transactions, int events) {
    }
}
