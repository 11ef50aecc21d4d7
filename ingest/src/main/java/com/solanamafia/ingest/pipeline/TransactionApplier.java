package com.solanamafia.ingest.pipeline;

import com.solanamafia.api.chain.ChainFact;
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

    public TransactionApplier(String programId, IdlRegistry registry, ChainEventTranslator translator,
                              CommandGateway commands, IngestStore store, QuarantineStore quarantine,
                              TransactionTemplate transactions, IngestMetrics metrics) {
        this.programId = programId;
        this.decoder = new TransactionLogDecoder(registry);
        this.translator = translator;
        this.commands = commands;
        this.store = store;
        this.quarantine = quarantine;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** @return the number of domain-event-producing program events applied (0 when all were known) */
    public BatchResult apply(List<ChainTransaction> batch) {
        if (batch.isEmpty()) {
            return new BatchResult(0, 0);
        }
        BatchResult result = transactions.execute(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                BatchResult applied = applyInUnitOfWork(batch);
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

    private BatchResult applyInUnitOfWork(List<ChainTransaction> batch) {
        Set<String> known = store.alreadyApplied(batch.stream().map(ChainTransaction::signature).toList());
        List<IngestStore.AppliedTransaction> recorded = new ArrayList<>();
        List<DecodedEvent> positions = new ArrayList<>();
        for (ChainTransaction tx : batch) {
            if (known.contains(tx.signature())) {
                continue;
            }
            TransactionDecodeResult decoded = decoder.decode(tx.signature(), tx.logMessages(), tx.failed(), tx.slot(), tx.blockTime());
            if (decoded.failedTransaction()) {
                metrics.failedTransaction();
                recorded.add(new IngestStore.AppliedTransaction(tx, "failed", 0));
                continue;
            }
            if (decoded.truncated()) {
                metrics.truncatedTransaction();
                log.warn("Transaction {} has truncated logs: events after the cut may be missing", tx.signature());
            }
            quarantineProblems(tx, decoded);
            int applied = 0;
            for (DecodedEvent event : decoded.events()) {
                if (dispatch(tx, event)) {
                    positions.add(event);
                    applied++;
                }
            }
            recorded.add(new IngestStore.AppliedTransaction(tx, decoded.truncated() ? "truncated" : "applied", applied));
        }
        store.recordTransactions(programId, recorded);
        store.recordPositions(positions);
        store.advanceCheckpoint(programId, batch.get(batch.size() - 1), recorded.size(), positions.size());
        return new BatchResult(recorded.size(), positions.size());
    }

    private boolean dispatch(ChainTransaction tx, DecodedEvent event) {
        ChainFact fact = new ChainFact(event.position(), tx.slot(),
                tx.blockTime() == null ? null : Instant.ofEpochSecond(tx.blockTime()));
        Object command;
        try {
            var version = decoder.registry().lookup(event.programId(), tx.slot()).orElseThrow();
            command = translator.toCommand(event, fact, version.idl());
        } catch (RuntimeException e) {
            quarantine.add(programId, tx.signature(), event.position().instructionPath(), event.position().ordinal(),
                    tx.slot(), tx.blockTime(), QuarantineItem.UNMAPPABLE, "Program data: " + event.rawBase64(),
                    event.name() + ": " + e.getMessage());
            metrics.quarantined();
            return false;
        }
        commands.sendAndWait(command);
        return true;
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
