package com.solanamafia.projections.replay;

import com.solanamafia.projections.support.BufferedReadModel;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Rebuilds read models blue/green. BUILDING: fresh handler instances of the read models (from
 * {@link ReplayableProjections} only) write into shadow tables through a render-mapped jOOQ context, fed straight
 * from the event store in batches of one transaction each, while the live processors keep serving. Once a pass
 * over the store finds at most {@code catchUpThreshold} new events, PAUSING: every live instance stops the
 * processors (each acknowledges in {@code replay_ack}; an instance that starts meanwhile sees the job and holds
 * them too). SWITCHING: the tail is applied, then one transaction swaps the tables, moves the position rows,
 * sets the processors' tokens to the replay's position, releases their claims, replaces their dead letters, and
 * marks the job DONE; the instances then start the processors, which go on from the replay's position.
 * Any failure (or a runner that stops reporting) leaves the live tables as they were and restarts the processors.
 */
public class ReplayRunner {
    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

    /**
     * {@code parallelism}: how many read models of a job are written at once, each on its own thread, connection
     * and transaction per batch (the shadow tables of different read models are independent).
     */
    public record Settings(int batchSize, long catchUpThreshold, Duration ackTimeout, int maxFailedEvents,
                           int parallelism) {
        public static Settings defaults() {
            return new Settings(5000, 5000, Duration.ofSeconds(60), 10_000, 4);
        }
    }

    /** How many keys a buffered read model holds in memory per table before it starts over (reading the table). */
    static final int CACHED_ROWS = 500_000;

    private record Failure(String group, TrackedEventMessage<?> event, Throwable cause) {
    }

    private final DSLContext db;
    private final TransactionTemplate tx;
    private final ReplayEventSource events;
    private final ReplayJobs jobs;
    private final ProcessorState processors;
    private final String node;
    private final Settings settings;
    private volatile Runnable nudge = () -> { };
    private final AtomicReference<ReplayJob> current = new AtomicReference<>();
    private volatile java.util.concurrent.ExecutorService workers;

    public ReplayRunner(DSLContext db, PlatformTransactionManager transactions, ReplayEventSource events,
                        ReplayJobs jobs, ProcessorState processors, String node, Settings settings) {
        this.db = db;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.jobs = jobs;
        this.processors = processors;
        this.node = node;
        this.settings = settings;
    }

    /** Called after each state change, so this instance's agent reacts at once rather than at its next poll. */
    public void onStateChange(Runnable nudge) {
        this.nudge = nudge;
    }

    /** Records a new job run by this instance (refused while another is unfinished). Run it with {@link #run}. */
    public ReplayJob create(List<String> names, String requestedBy) {
        List<String> projections = ReplayableProjections.resolve(names).stream()
                .map(ReplayableProjections.Spec::name).toList();
        return jobs.create(projections, requestedBy, node);
    }

    /** The job this instance runs now, with fresh progress figures; null when idle. */
    public ReplayJob current() {
        return current.get();
    }

    /** Runs a job created by {@link #create} to DONE or FAILED; returns the final record. */
    public ReplayJob run(ReplayJob job) {
        List<ReplayableProjections.Spec> specs = ReplayableProjections.resolve(job.projections());
        List<String> tables = ShadowTables.tables(specs);
        Progress progress = new Progress(job);
        current.set(job);
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(settings.parallelism(), specs.size())), r -> {
                    Thread t = new Thread(r, "replay-worker");
                    t.setDaemon(true);
                    return t;
                });
        this.workers = workers;
        try {
            Map<String, List<String>> unbuiltIndexes = new ConcurrentHashMap<>(tx.execute(s -> {
                ShadowTables.create(db, tables);
                return ShadowTables.dropIndexesUntilBuilt(db, tables);
            }));
            DSLContext target = ShadowTables.mapped(db, tables);
            List<Target> targets = specs.stream().map(s -> Target.of(s, target)).toList();
            progress.total = events.count();
            log.info("Replay {} of {} started: {} events in the store", job.id(), job.projections(), progress.total);
            TrackingToken token = null;
            long applied;
            do {
                applied = progress.done;
                token = applyAvailable(targets, token, null, progress);
                applied = progress.done - applied;
                token = settle(job, targets, token, target, unbuiltIndexes, progress);
                progress.total = Math.max(progress.total, events.count());
            } while (applied > settings.catchUpThreshold());

            state(job, ReplayJob.State.BUILDING, ReplayJob.State.PAUSING, progress);
            awaitAcknowledgements(job, progress);
            state(job, ReplayJob.State.PAUSING, ReplayJob.State.SWITCHING, progress);

            targets.forEach(t -> t.deferred = false);   // the few events left: written per batch, failures per event
            token = applyAvailable(targets, token, null, progress);
            TrackingToken position = token;
            tx.executeWithoutResult(s -> {
                ShadowTables.swap(db, tables, job.projections());
                for (String group : job.projections()) {
                    processors.clearDeadLetters(group);
                    if (position != null) {
                        processors.moveTokens(group, position);
                    }
                }
                for (Failure failure : progress.failures) {
                    processors.deadLetter(failure.group(), failure.event(), failure.cause());
                }
                if (!jobs.transition(job.id(), ReplayJob.State.SWITCHING, ReplayJob.State.DONE)) {
                    throw new IllegalStateException("the job was failed by another instance during the switch");
                }
            });
            progress.report(true);
            log.info("Replay {} of {} done: {} events in {} s ({} failed, dead-lettered)", job.id(),
                    job.projections(), progress.done, progress.seconds(), progress.failures.size());
        } catch (RuntimeException | Error e) {
            log.error("Replay {} of {} failed; the live read models are unchanged", job.id(), job.projections(), e);
            jobs.fail(job.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            try {
                tx.executeWithoutResult(s -> ShadowTables.drop(db, tables));
            } catch (RuntimeException dropFailed) {
                log.warn("Could not drop the shadow tables of replay {} (the next replay replaces them)", job.id(),
                        dropFailed);
            }
        } finally {
            workers.shutdownNow();
            events.released();
            nudge.run();
            ReplayJob last = jobs.find(job.id()).orElse(job);
            current.set(null);
            return last;
        }
    }

    private void state(ReplayJob job, ReplayJob.State from, ReplayJob.State to, Progress progress) {
        progress.report(true);
        if (!jobs.transition(job.id(), from, to)) {
            throw new IllegalStateException("replay job " + job.id() + " is no longer " + from
                    + " (failed by another instance?)");
        }
        log.info("Replay {}: {}", job.id(), to);
        current.set(jobs.find(job.id()).orElse(job));
        nudge.run();
    }

    private void awaitAcknowledgements(ReplayJob job, Progress progress) {
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        while (true) {
            Set<String> live = jobs.liveNodes();
            Set<String> acked = jobs.acknowledged(job.id());
            if (acked.containsAll(live) && acked.contains(node)) {
                log.info("Replay {}: processors stopped on {}", job.id(), acked);
                return;
            }
            if (System.nanoTime() > deadline) {
                live.removeAll(acked);
                throw new IllegalStateException("instances " + live + " did not stop the processors within "
                        + settings.ackTimeout().toSeconds() + " s");
            }
            progress.report(true);
            sleep(100);
        }
    }

    /**
     * Applies every event after {@code token} up to the store's current head (or only those {@code upTo} covers, to
     * rebuild a read model up to where the others are; not counted as progress then); returns the last token. While
     * the read models apply a batch (on the workers), the next one is read and deserialized here.
     */
    private TrackingToken applyAvailable(List<Target> targets, TrackingToken token, TrackingToken upTo,
                                         Progress progress) {
        TrackingToken last = token;
        TrackingToken newest = token;   // of the last event taken into a batch
        Applying applying = null;
        boolean counted = upTo == null;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readFrom(token)) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(settings.batchSize());
            boolean more = it.hasNext();
            while (more) {
                TrackedEventMessage<?> event = it.next();
                more = it.hasNext();
                if (newest != null && covers(newest, event.trackingToken())) {
                    event = null;   // delivered again (taken already): nothing to do
                } else if (upTo != null && !covers(upTo, event.trackingToken())) {
                    if (position(event.trackingToken()) > position(upTo)) {
                        more = false;
                    }
                    event = null;
                }
                if (event != null) {
                    event.getPayload();   // deserialize once, here, not in every worker
                    batch.add(event);
                    newest = event.trackingToken();
                }
                if (!batch.isEmpty() && (batch.size() >= settings.batchSize() || !more)) {
                    last = finish(applying, progress, last, counted);
                    applying = start(targets, batch, progress);
                    batch = new ArrayList<>(settings.batchSize());
                }
            }
            return finish(applying, progress, last, counted);
        } catch (RuntimeException | Error e) {
            if (applying != null) {
                applying.awaitQuietly();   // never leave a batch running behind a failure
            }
            throw e;
        }
    }

    /** Whether the event at {@code event} is one of those applied up to {@code upTo} (not one of its gaps). */
    private static boolean covers(TrackingToken upTo, TrackingToken event) {
        long position = position(event);
        return position <= position(upTo)
                && !(upTo instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().contains(position));
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
    }

    /**
     * After a pass: every read model writing once writes the rows it still holds changed (into shadows without their
     * unique keys where none was written yet, the keys built after). One that failed in that
     * mode (a batch, or this write) starts over in fresh shadow tables, written per batch with the failing events
     * dead-lettered one by one, and is brought up to {@code token}, where the others are. Returns {@code token}.
     */
    private TrackingToken settle(ReplayJob job, List<Target> targets, TrackingToken token, DSLContext shadows,
                                 Map<String, List<String>> unbuiltIndexes, Progress progress) {
        List<Future<?>> writes = new ArrayList<>();
        for (Target target : targets) {
            if (target.broken) {
                continue;
            }
            writes.add(workers.submit(() -> {
                try {
                    tx.executeWithoutResult(s -> {
                        db.execute("SET LOCAL synchronous_commit = off");
                        if (target.deferred) {
                            List<String> keys = ShadowTables.dropKeysOfEmpty(db, target.spec().tables());
                            target.bufferedModel().write();
                            ShadowTables.restoreIndexes(db, keys);
                        }
                        buildIndexes(target, unbuiltIndexes);
                    });
                    target.spec().tables().forEach(unbuiltIndexes::remove);
                } catch (RuntimeException e) {
                    target.broke(e);
                }
            }));
        }
        awaitAll(writes, () -> progress.report(true));
        List<Target> broken = targets.stream().filter(t -> t.broken).toList();
        if (broken.isEmpty()) {
            return token;
        }
        for (Target target : broken) {
            log.warn("Replay {}: {} failed while writing its rows once; rebuilding it batch by batch, failing events "
                    + "dead-lettered", job.id(), target.group());
            tx.executeWithoutResult(s -> {
                ShadowTables.reset(db, target.spec().tables(), target.group());
                buildIndexes(target, unbuiltIndexes);
            });
            target.spec().tables().forEach(unbuiltIndexes::remove);
            target.restartCareful(shadows);
        }
        if (token != null) {
            applyAvailable(broken, null, token, progress);
        }
        return token;
    }

    /** Builds the indexes of the read model's shadows that are still to build (in the caller's transaction). */
    private void buildIndexes(Target target, Map<String, List<String>> unbuiltIndexes) {
        for (String table : target.spec().tables()) {
            ShadowTables.restoreIndexes(db, unbuiltIndexes.getOrDefault(table, List.of()));
        }
    }

    /**
     * Waits for every task; throws the first failure. {@code whileWaiting} runs every second meanwhile (the final
     * writes and index builds take tens of seconds for a big store, and a runner that stops reporting progress is
     * taken for dead).
     */
    private static void awaitAll(List<Future<?>> running, Runnable whileWaiting) {
        RuntimeException failure = null;
        for (Future<?> future : running) {
            while (true) {
                try {
                    future.get(1, java.util.concurrent.TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    whileWaiting.run();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                    }
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A batch being applied by every read model of the job, each in its own transaction. */
    private record Applying(List<TrackedEventMessage<?>> batch, List<Future<?>> running) {
        void awaitQuietly() {
            try {
                await();
            } catch (RuntimeException ignored) {
                // the failure that matters is being thrown already
            }
        }

        /** Waits for every read model; throws the first failure. */
        void await() {
            awaitAll(running, () -> { });
        }
    }

    private Applying start(List<Target> targets, List<TrackedEventMessage<?>> batch, Progress progress) {
        List<Future<?>> running = new ArrayList<>();
        for (Target target : targets) {
            running.add(workers.submit(() -> apply(target, batch, progress)));
        }
        return new Applying(batch, running);
    }

    /** Waits for the batch being applied (if any), counts it (when {@code counted}); returns its last token. */
    private TrackingToken finish(Applying applying, Progress progress, TrackingToken last, boolean counted) {
        if (applying == null) {
            return last;
        }
        applying.await();
        List<TrackedEventMessage<?>> batch = applying.batch();
        TrackingToken applied = batch.get(batch.size() - 1).trackingToken();
        if (counted) {
            progress.position = applied.position().orElse(progress.position);
            progress.done += batch.size();
        }
        progress.report(false);
        return applied;
    }

    /**
     * Applies a batch to one read model through its buffered handler (rows changed in memory, then written at once):
     * while it writes once ({@link Target#deferred}) only what cannot wait is written, and a failure marks it broken
     * (see {@link #settle}); else every changed row is written, and if anything fails the batch is rolled back and
     * applied again through the plain handler, each event in a savepoint, keeping the failures for the dead-letter
     * queue (as the live processors do).
     */
    private void apply(Target target, List<TrackedEventMessage<?>> batch, Progress progress) {
        if (target.broken) {
            return;
        }
        boolean deferred = target.deferred;
        try {
            tx.executeWithoutResult(s -> inUnitOfWork(batch.get(0), () -> {
                db.execute("SET LOCAL synchronous_commit = off");
                if (!deferred) {
                    target.bufferedModel().prefetch(batch);   // after a failed batch its rows are read again
                }
                for (TrackedEventMessage<?> event : batch) {
                    target.handle(target.buffered(), event);
                }
                if (deferred) {
                    target.bufferedModel().writeSome();
                } else {
                    target.bufferedModel().write();
                }
            }));
            return;
        } catch (RuntimeException bufferedFailed) {
            if (deferred) {
                target.broke(bufferedFailed);
                return;
            }
            target.bufferedModel().discard();
            log.debug("Replay of {}: a batch failed buffered, applying it event by event", target.group(),
                    bufferedFailed);
        }
        tx.executeWithoutResult(s -> inUnitOfWork(batch.get(0), () -> {
            db.execute("SET LOCAL synchronous_commit = off");
            for (TrackedEventMessage<?> event : batch) {
                db.execute("SAVEPOINT replay_event");
                try {
                    target.handle(target.plain(), event);
                    db.execute("RELEASE SAVEPOINT replay_event");
                } catch (HandlerFailed failed) {
                    db.execute("ROLLBACK TO SAVEPOINT replay_event");
                    progress.failed(new Failure(target.group(), event, failed.getCause()),
                            settings.maxFailedEvents());
                }
            }
        }));
    }

    private static void inUnitOfWork(TrackedEventMessage<?> first, Runnable work) {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(first);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            uow.rollback(e);
            throw e;
        }
        uow.commit();
    }

    /**
     * A read model of the job: its plain handler and its buffered one, both writing the shadow tables. It starts
     * writing each row once ({@code deferred}); one that fails so is {@code broken} until {@link #settle} rebuilds it.
     */
    private static final class Target {
        private final ReplayableProjections.Spec spec;
        private Handlers plain;
        private BufferedReadModel bufferedModel;
        private Handlers buffered;
        volatile boolean deferred = true;
        volatile boolean broken;

        private Target(ReplayableProjections.Spec spec, DSLContext shadows) {
            this.spec = spec;
            handlers(shadows);
        }

        static Target of(ReplayableProjections.Spec spec, DSLContext shadows) {
            return new Target(spec, shadows);
        }

        private void handlers(DSLContext shadows) {
            bufferedModel = spec.newBufferedHandler(shadows, CACHED_ROWS);
            plain = new Handlers(spec.newHandler(shadows));
            buffered = new Handlers(bufferedModel.handler());
        }

        void broke(RuntimeException cause) {
            broken = true;
            bufferedModel.discard();
            log.warn("Replay of {}: failed while writing each row once: {}", group(),
                    NestedExceptionUtils.getMostSpecificCause(cause).toString());
        }

        /** Fresh handlers (nothing held) writing batch by batch, over tables emptied by the caller. */
        void restartCareful(DSLContext shadows) {
            handlers(shadows);
            deferred = false;
            broken = false;
        }

        ReplayableProjections.Spec spec() {
            return spec;
        }

        String group() {
            return spec.name();
        }

        Handlers plain() {
            return plain;
        }

        Handlers buffered() {
            return buffered;
        }

        BufferedReadModel bufferedModel() {
            return bufferedModel;
        }

        void handle(Handlers handlers, TrackedEventMessage<?> event) {
            try {
                handlers.handle(event);
            } catch (Exception e) {
                throw new HandlerFailed(group(), event, e);
            }
        }
    }

    /**
     * A read model's event handlers, each event given to the one Axon's {@code AnnotationEventHandlerAdapter} would
     * pick, found once per payload type rather than by a stream over every handler for every event (with the
     * adapter's checks, 11 % of the workers' time). The read models' handlers have no interceptors and take only the
     * payload, the tracking token and the timestamp, which every replayed event has: such a method is called with
     * them directly (Axon's parameter resolvers, per call, took 6–8 %); any other goes through Axon's member. Each
     * batch of a target runs on one worker, handed over by the executor.
     */
    private static final class Handlers {
        private final Object handler;
        private final AnnotatedHandlerInspector<Object> inspector;
        private final Map<Class<?>, Invoker> byPayloadType = new HashMap<>();

        @SuppressWarnings("unchecked")
        Handlers(Object handler) {
            this.handler = handler;
            this.inspector = AnnotatedHandlerInspector.inspectType((Class<Object>) handler.getClass());
        }

        void handle(TrackedEventMessage<?> event) throws Exception {
            Invoker invoker = byPayloadType.get(event.getPayloadType());
            if (invoker == null) {
                invoker = inspector.getHandlers(handler.getClass()).filter(h -> h.canHandle(event)).findFirst()
                        .map(Handlers::invoker).orElse(NOTHING);
                byPayloadType.put(event.getPayloadType(), invoker);
            }
            invoker.invoke(handler, event);
        }

        private static Invoker invoker(MessageHandlingMember<? super Object> member) {
            Invoker throughAxon = (target, event) -> member.handle(event, target);
            java.lang.reflect.Method method = member.unwrap(java.lang.reflect.Method.class).orElse(null);
            if (method == null || method.getParameterCount() == 0) {
                return throughAxon;
            }
            Class<?>[] types = method.getParameterTypes();
            java.lang.annotation.Annotation[][] annotations = method.getParameterAnnotations();
            if (types[0] != member.payloadType() || annotations[0].length != 0) {
                return throughAxon;   // not (payload, ...): Axon resolves it
            }
            boolean[] token = new boolean[types.length];
            for (int i = 1; i < types.length; i++) {
                boolean timestamp = types[i] == java.time.Instant.class && annotations[i].length == 1
                        && annotations[i][0] instanceof org.axonframework.eventhandling.Timestamp;
                token[i] = types[i] == TrackingToken.class && annotations[i].length == 0;
                if (!token[i] && !timestamp) {
                    return throughAxon;
                }
            }
            method.setAccessible(true);
            return (target, event) -> {
                Object[] args = new Object[token.length];
                args[0] = event.getPayload();
                for (int i = 1; i < args.length; i++) {
                    args[i] = token[i] ? WrappedToken.unwrapLowerBound(event.trackingToken()) : event.getTimestamp();
                }
                try {
                    method.invoke(target, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            };
        }

        private static final Invoker NOTHING = (target, event) -> { };

        @FunctionalInterface
        private interface Invoker {
            void invoke(Object target, TrackedEventMessage<?> event) throws Exception;
        }
    }

    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(String group, TrackedEventMessage<?> event, Exception cause) {
            super(group + " failed on " + event.getPayloadType().getSimpleName() + " at "
                    + event.trackingToken().position().orElse(-1) + ": " + cause.getMessage(), cause);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private final class Progress {
        final ReplayJob job;
        final long started = System.nanoTime();
        final List<Failure> failures = new ArrayList<>();
        long total;
        long done;
        long position = -1;
        long reportedAt;

        Progress(ReplayJob job) {
            this.job = job;
        }

        double seconds() {
            return Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        }

        synchronized void failed(Failure failure, int max) {
            failures.add(failure);
            log.warn("Replay {}: {}", job.id(), failure.cause().getMessage());
            if (failures.size() > max) {
                throw new IllegalStateException("more than " + max + " events failed; the replay stops");
            }
        }

        void report(boolean force) {
            long now = System.nanoTime();
            if (!force && now - reportedAt < 1_000_000_000L) {
                return;
            }
            reportedAt = now;
            double rate = done / seconds();
            long shownTotal = Math.max(total, done);
            Long eta = rate <= 0 ? null : (long) Math.ceil((shownTotal - done) / rate);
            jobs.progress(job.id(), shownTotal, done, rate, eta, position, failures.size());
            ReplayJob row = jobs.find(job.id()).orElse(job);
            current.set(row);
            if (row.state() == ReplayJob.State.FAILED) {
                throw new IllegalStateException("replay job " + job.id() + " was failed: " + row.error());
            }
        }
    }
}
