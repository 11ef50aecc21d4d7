package com.solanamafia.ingest.quarantine;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.ingest.borsh.DecodeException;
import com.solanamafia.ingest.borsh.DecodedPayload;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.pipeline.ChainEventTranslator;
import com.solanamafia.ingest.pipeline.FollowUpCommands;
import com.solanamafia.ingest.pipeline.IngestStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Re-decodes a quarantined event with the IDLs configured now (after a fix) and, if it decodes, records it. */
public class QuarantineReprocessor {
    private static final String PREFIX = "Program data: ";

    private final IdlRegistry registry;
    private final ChainEventTranslator translator;
    private final CommandGateway commands;
    private final IngestStore store;
    private final QuarantineStore quarantine;
    private final TransactionTemplate transactions;

    public QuarantineReprocessor(IdlRegistry registry, ChainEventTranslator translator, CommandGateway commands,
                                 IngestStore store, QuarantineStore quarantine, TransactionTemplate transactions) {
        this.registry = registry;
        this.translator = translator;
        this.commands = commands;
        this.store = store;
        this.quarantine = quarantine;
        this.transactions = transactions;
    }

    public record Outcome(long id, String status, String detail) {
    }

    public Outcome reprocess(long id) {
        return transactions.execute(tx -> {
            Optional<QuarantineItem> found = quarantine.lockOpen(id);
            if (found.isEmpty()) {
                return new Outcome(id, "not-open", "no open quarantine item " + id);
            }
            QuarantineItem item = found.get();
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                Outcome outcome = attempt(item);
                quarantine.resolve(id, outcome.status(), outcome.status().equals("reprocessed") ? null : outcome.detail());
                unitOfWork.commit();
                return outcome;
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
        });
    }

    private Outcome attempt(QuarantineItem item) {
        if (item.instructionPath() == null || item.ordinal() == null) {
            return new Outcome(item.id(), "failed-again", "no reliable position (truncated logs); cannot be applied");
        }
        if (!item.rawLine().startsWith(PREFIX)) {
            return new Outcome(item.id(), "failed-again", "not a Program data line");
        }
        var version = registry.lookup(item.programId(), item.slot());
        if (version.isEmpty()) {
            return new Outcome(item.id(), "failed-again", "no IDL for program " + item.programId() + " at slot " + item.slot());
        }
        Optional<DecodedPayload> payload;
        try {
            payload = version.get().codec().decodeBase64(item.rawLine().substring(PREFIX.length()));
        } catch (DecodeException | IllegalArgumentException e) {
            return new Outcome(item.id(), "failed-again", e.getMessage());
        }
        if (payload.isEmpty()) {
            return new Outcome(item.id(), "failed-again", "still an unknown event discriminator");
        }
        ChainPosition position = new ChainPosition(item.signature(), item.instructionPath(), item.ordinal());
        if (store.positionRecorded(item.signature(), item.instructionPath(), item.ordinal())) {
            return new Outcome(item.id(), "reprocessed", "already recorded");
        }
        DecodedEvent event = new DecodedEvent(position, item.programId(), payload.get().name(), payload.get().fields(),
                item.rawLine().substring(PREFIX.length()), item.slot(), item.blockTime());
        ChainFact fact = new ChainFact(position, item.slot(), item.blockTime() == null ? null : Instant.ofEpochSecond(item.blockTime()));
        Object command;
        try {
            command = translator.toCommand(event, fact, version.get().idl());
        } catch (RuntimeException e) {
            return new Outcome(item.id(), "failed-again", e.getMessage());
        }
        FollowUpCommands.send(commands, command);
        store.recordPositions(List.of(event));
        return new Outcome(item.id(), "reprocessed", payload.get().name());
    }
}
