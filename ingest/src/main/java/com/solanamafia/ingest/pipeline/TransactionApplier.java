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

    /** @return the number of domain-event-producing program events applied (0 when all were known) */
    public BatchResult apply(List<ChainTransaction> batch) {
        if (batch.isEmpty()) {
            return new BatchResult(0, 0);
        }
        BatchResult result = transactions.execute(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                BatchResult applied = applyInUnitOfWork(batch, unitOfWork);
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

    private BatchResult applyInUnitOfWork(List<ChainTransaction> batch, UnitOfWork<?> window) {
        Set<String> known = store.alreadyApplied(batch.stream().map(ChainTransaction::signature).toList());
        List<PlannedTransaction> planned = new ArrayList<>();
        for (ChainTransaction tx : batch) {
            if (!known.contains(tx.signature())) {
                planned.add(plan(tx));
            }
        }
        Set<String> targets = new HashSet<>();
        planned.forEach(p -> p.commands().forEach(c -> targets.add(c.target())));
        NewAggregates.register(window, newAggregates.withoutEvents(targets));

        List<IngestStore.AppliedTransaction> recorded = new ArrayList<>();
        List<DecodedEvent> positions = new ArrayList<>();
        for (PlannedTransaction p : planned) {
            for (PlannedCommand c : p.commands()) {
                FollowUpCommands.send(commands, c.command());
                positions.add(c.event());
            }
            recorded.add(new IngestStore.AppliedTransaction(p.tx(), p.status(), p.commands().size()));
        }
        store.recordTransactions(programId, recorded);
        store.recordPositions(positions);
        store.advanceCheckpoint(programId, batch.get(batch.size() - 1), recorded.size(), positions.size());
        return new BatchResult(recorded.size(), positions.size());
    }

    /** Decodes a transaction and translates its events; what cannot be decoded or translated is quarantined. */
    private PlannedTransaction plan(ChainTransaction tx) {
        TransactionDecodeResult decoded = decoder.decode(tx.signature(), tx.logMessages(), tx.failed(), tx.slot(), tx.blockTime());
        if (decoded.failedTransaction()) {
            metrics.failedTransaction();
            return new PlannedTransaction(tx, "failed", List.of());
        }
        if (decoded.truncated()) {
            metrics.truncatedTransaction();
            log.warn("Transaction {} has truncated logs: events after the cut may be missing", tx.signature());
        }
        quarantineProblems(tx, decoded);
        List<PlannedCommand> planned = new ArrayList<>();
        for (DecodedEvent event : decoded.events()) {
            Object command = translate(tx, event);
            if (command != null) {
                planned.add(new PlannedCommand(event, command, CommandTargets.INSTANCE.targetOf(command)));
            }
        }
        return new PlannedTransaction(tx, decoded.truncated() ? "truncated" : "applied", planned);
    }

    private Object translate(ChainTransaction tx, DecodedEvent event) {
        ChainFact fact = new ChainFact(event.position(), tx.slot(),
                tx.blockTime() == null ? null : Instant.ofEpochSecond(tx.blockTime()));
        try {
            var version = decoder.registry().lookup(event.programId(), tx.slot()).orElseThrow();
            return translator.toCommand(event, fact, version.idl());
        } catch (RuntimeException e) {
            quarantine.add(programId, tx.signature(), event.position().instructionPath(), event.position().ordinal(),
                    tx.slot(), tx.blockTime(), QuarantineItem.UNMAPPABLE, "Program data: " + event.rawBase64(),
                    event.name() + ": " + e.getMessage());
            metrics.quarantined();
            return null;
        }
    }

    private record PlannedTransaction(ChainTransaction tx, String status, List<PlannedCommand> commands) {
    }

    private record PlannedCommand(DecodedEvent event, Object command, String target) {
    }

    private void quarantineProblems(ChainTransaction tx, TransactionDecodeResult decoded) {
        for (DecodeFailure failure : decoded.failures()) {
            quarantine.add(programId, tx.signature(),
                    failure.position() == null ? null : failure.position().instructionPath(),
                    failure.position() == null ? null : failure.position().ordinal(),
                    tx.slot(), tx.blockTime(), QuarantineItem.UNDECODABLE, failure.rawLine(), failure.reason());
            metrics.quarantined();
        }
        for (UnknownEvent unknown : decoded.unknown()) {
            quarantine.add(programId, tx.signature(), unknown.position().instructionPath(), unknown.position().ordinal(),
                    tx.slot(), tx.blockTime(), QuarantineItem.UNKNOWN_EVENT, "Program data: " + unknown.rawBase64(),
                    "unknown event discriminator " + unknown.discriminatorHex());
            metrics.quarantined();
        }
    }

    public record BatchResult(int transactions, int events) {
    }
}
