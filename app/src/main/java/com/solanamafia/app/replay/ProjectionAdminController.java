package com.solanamafia.app.replay;

import com.solanamafia.api.admin.AdminActionRecorded;
import com.solanamafia.projections.replay.ReplayJob;
import com.solanamafia.projections.replay.ReplayJobs;
import com.solanamafia.projections.replay.ReplayRunner;
import com.solanamafia.projections.replay.ReplayableProjections;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.WalletSequencingPolicy;
import com.solanamafia.query.api.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@code /api/v1/admin/projections}: every read model with its position, processor status, lag and dead letters;
 * blue/green replays with progress; the dead-letter queue of a read model's processor. Protected by the admin
 * security chain ({@code admin:read} for GET, {@code admin:write} for POST).
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "admin: projections")
public class ProjectionAdminController {
    private static final WalletSequencingPolicy SEQUENCING = new WalletSequencingPolicy();
    private final ReplayRunner runner;
    private final ReplayJobs jobs;
    private final AxonProcessors processors;
    private final EventProcessingConfiguration processing;
    private final JdbcReplayEventSource events;
    private final ProjectionPositions positions;
    private final ExecutorService executor;
    private final EventGateway eventGateway;

    public ProjectionAdminController(ReplayRunner runner, ReplayJobs jobs, AxonProcessors processors,
                                     EventProcessingConfiguration processing, JdbcReplayEventSource events,
                                     ProjectionPositions positions, ExecutorService replayExecutor,
                                     EventGateway eventGateway) {
        this.runner = runner;
        this.jobs = jobs;
        this.processors = processors;
        this.processing = processing;
        this.events = events;
        this.positions = positions;
        this.executor = replayExecutor;
        this.eventGateway = eventGateway;
    }

    public record ProjectionView(String name, String status, long position, long lag, long deadLetters,
                                 boolean replaying) {
    }

    public record ReplayView(long id, List<String> projections, String state, String requestedBy, String runner,
                             long eventsTotal, long eventsDone, double percent, double eventsPerSecond,
                             Long etaSeconds, long eventPosition, long failedEvents, String error, Instant createdAt,
                             Instant finishedAt) {
        static ReplayView of(ReplayJob j) {
            return new ReplayView(j.id(), j.projections(), j.state().name(), j.requestedBy(), j.runner(),
                    j.eventsTotal(), j.eventsDone(), Math.round(j.fractionDone() * 1000) / 10.0,
                    Math.round(j.eventsPerSecond()), j.etaSeconds(), j.eventPosition(), j.failedEvents(), j.error(),
                    j.createdAt(), j.finishedAt());
        }
    }

    public record Overview(long head, List<ProjectionView> projections, ReplayView replay, List<ReplayView> recent) {
    }

    @Operation(summary = "Read models: position, processor status on this instance, lag, dead letters, replays")
    @GetMapping
    public Overview list() {
        long head = events.head();
        Optional<ReplayJob> active = jobs.active();
        List<ProjectionView> views = new ArrayList<>();
        for (String name : ReplayableProjections.names()) {
            long position = positions.positionOf(name);
            boolean replaying = active.map(j -> j.projections().contains(name)).orElse(false);
            views.add(new ProjectionView(name, status(name, active), position, Math.max(0, head - position),
                    processors.deadLetters(name).map(SequencedDeadLetterQueue::size).orElse(0L), replaying));
        }
        ReplayJob mine = runner.current();
        ReplayView replay = active.map(j -> mine != null && mine.id() == j.id() ? mine : j).map(ReplayView::of)
                .orElse(null);
        return new Overview(head, views, replay, jobs.recent(10).stream().map(ReplayView::of).toList());
    }

    private String status(String name, Optional<ReplayJob> active) {
        Optional<StreamingEventProcessor> processor = processors.processor(name);
        if (processor.isEmpty()) {
            return "ABSENT";
        }
        if (processor.get().isError()) {
            return "ERROR";
        }
        if (processor.get().isRunning()) {
            return "RUNNING";
        }
        boolean held = active.filter(j -> j.state().holdsProcessors() && j.projections().contains(name)).isPresent();
        return held ? "PAUSED_FOR_REPLAY" : "STOPPED";
    }

    @Operation(summary = "Rebuild a read model (or 'all') from the event store, blue/green",
            description = "202 with the job; progress on GET /api/v1/admin/projections and /replays/{id}. 409 while "
                    + "another replay runs; 404 for a name that is not a replayable read model.")
    @PostMapping("/{name}/replay")
    public ResponseEntity<ReplayView> replay(@PathVariable String name, Principal who) {
        ReplayJob job;
        try {
            List<String> names = "all".equals(name) ? List.of() : List.of(name);
            job = runner.create(names, who == null ? "anonymous" : who.getName());
        } catch (ReplayableProjections.NotReplayableException e) {
            throw problem(HttpStatus.NOT_FOUND, "not-replayable", "Not a replayable read model", e.getMessage());
        } catch (ReplayJobs.ReplayConflictException e) {
            throw problem(HttpStatus.CONFLICT, "replay-running", "A replay is running", e.getMessage());
        }
        executor.submit(() -> runner.run(job));
        eventGateway.publish(new AdminActionRecorded(who == null ? "anonymous" : who.getName(), "projections.replay",
                name, "job " + job.id(), Instant.now()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/replays/" + job.id()))
                .body(ReplayView.of(job));
    }

    @Operation(summary = "A replay job")
    @GetMapping("/replays/{id}")
    public ReplayView replayJob(@PathVariable long id) {
        ReplayJob mine = runner.current();
        if (mine != null && mine.id() == id) {
            return ReplayView.of(mine);
        }
        return jobs.find(id).map(ReplayView::of).orElseThrow(() ->
                problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no replay job " + id));
    }

    public record DeadLetterView(String sequenceIdentifier, String eventIdentifier, String payloadType,
                                 Long eventPosition, Instant enqueuedAt, Instant lastTouched, String causeType,
                                 String causeMessage) {
    }

    public record DeadLetters(String projection, long sequences, long size, List<DeadLetterView> data) {
    }

    @Operation(summary = "The dead letters of a read model's processor (oldest sequences first)")
    @GetMapping("/{name}/dead-letters")
    public DeadLetters deadLetters(@PathVariable String name, @RequestParam(defaultValue = "100") int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        if (limit < 1 || limit > 1000) {
            throw problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "limit must be 1..1000");
        }
        List<DeadLetterView> letters = new ArrayList<>();
        outer:
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() >= limit) {
                    break outer;
                }
                EventMessage<?> message = letter.message();
                Long position = message instanceof TrackedEventMessage<?> tracked
                        ? tracked.trackingToken().position().orElse(-1) : null;
                letters.add(new DeadLetterView(String.valueOf(SEQUENCING.getSequenceIdentifierFor(message)),
                        message.getIdentifier(), message.getPayloadType().getSimpleName(), position,
                        letter.enqueuedAt(), letter.lastTouched(),
                        letter.cause().map(c -> c.type()).orElse(null),
                        letter.cause().map(c -> c.message()).orElse(null)));
            }
        }
        return new DeadLetters(name, queue.amountOfSequences(), queue.size(), letters);
    }

    public record Processed(String projection, int sequencesProcessed, int sequencesFailed, long remaining) {
    }

    @Operation(summary = "Retry the dead letters of a read model's processor",
            description = "Runs the processor's SequencedDeadLetterProcessor over up to 'max' sequences; a sequence "
                    + "whose first letter fails again stays in the queue.")
    @PostMapping("/{name}/dead-letters/process")
    public Processed process(@PathVariable String name, @RequestParam(defaultValue = "1000") int max, Principal who) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "no-dead-letter-queue", "No dead-letter queue",
                        name + " has no dead-letter processor"));
        int ok = 0;
        int failed = 0;
        long sequences = queue.amountOfSequences();
        for (int i = 0; i < Math.min(max, sequences); i++) {
            if (processor.processAny()) {
                ok++;
            } else {
                failed++;
            }
        }
        eventGateway.publish(new AdminActionRecorded(who == null ? "anonymous" : who.getName(),
                "projections.dead-letters.process", name, ok + " processed, " + failed + " failed", Instant.now()));
        return new Processed(name, ok, failed, queue.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        try {
            return processors.deadLetters(name).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                    "no-dead-letter-queue", "No dead-letter queue", name + " has no dead-letter queue"));
        } catch (ReplayableProjections.NotReplayableException e) {
            throw problem(HttpStatus.NOT_FOUND, "not-a-read-model", "Not a read model", e.getMessage());
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        return new ErrorResponseException(status, ApiProblems.problem(status, type, title, detail), null);
    }
}
