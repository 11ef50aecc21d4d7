package com.solanamafia.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Live processor batches applied the way a replay applies them: the batch's events go to the read model's
 * {@link BufferedReadModel} instead of its Spring bean, the rows they touch are read at the start of the batch (one
 * query per table), changed in memory, and written just before the batch commits (one statement per table), in the
 * batch's transaction, with the processor's token. Nothing is kept between batches: every batch reads the rows
 * afresh, so a writer between batches (a dead letter retried, a segment that moved to another node) is never
 * overwritten with stale rows; during a batch the read model's advisory lock keeps other writers out
 * ({@link #lockAgainstBatches}). A model serves one batch at a time; idle ones are reused.
 */
public final class LiveBatches {
    private static final String RESOURCE = LiveBatches.class.getName() + ":";

    private final Map<Class<?>, Supplier<BufferedReadModel>> factories;
    private final Map<Class<?>, Queue<BufferedReadModel>> idle = new ConcurrentHashMap<>();
    private final Map<Class<?>, LongAdder> batches = new ConcurrentHashMap<>();
    private final Map<Class<?>, LongAdder> failedWrites = new ConcurrentHashMap<>();

    /** Advisory lock namespace of the read models' batches (two-key form: apart from the ingest lease's keys). */
    private static final int LOCK_NAMESPACE = 0x52454144;   // "READ"

    private final DSLContext db;

    /**
     * {@code factories}: by the read model's handler class, a new buffered model writing the live tables of
     * {@code db}.
     */
    public LiveBatches(DSLContext db, Map<Class<?>, Supplier<BufferedReadModel>> factories) {
        this.db = db;
        this.factories = Map.copyOf(factories);
    }

    /**
     * Takes the read model's transaction-scoped advisory lock, which a buffered batch holds from its first read to
     * its commit: a buffered batch writes back whole rows it read at its start, so no other transaction may change
     * them meanwhile (a dead letter retried through the read model's SQL, on any instance, waits for the batch).
     */
    void lockAgainstBatches(Class<?> readModel) {
        db.execute("SELECT pg_advisory_xact_lock(?, ?)", LOCK_NAMESPACE, readModel.getName().hashCode());
    }

    /**
     * The buffered model applying {@code readModel}'s events of this batch, or null when it has none. The first call
     * of a batch takes a model, reads the rows the batch needs and registers the write before the commit: if it fails,
     * the batch fails with what {@code writeFailed} makes of the failure.
     */
    BufferedReadModel forBatch(Class<?> readModel, BatchingUnitOfWork<?> batch,
                               Function<RuntimeException, RuntimeException> writeFailed) {
        Supplier<BufferedReadModel> factory = factories.get(readModel);
        if (factory == null) {
            return null;
        }
        return batch.getOrComputeResource(RESOURCE + readModel.getName(), key -> {
            Queue<BufferedReadModel> models = idle.computeIfAbsent(readModel, c -> new ConcurrentLinkedQueue<>());
            BufferedReadModel model = models.poll();
            if (model == null) {
                model = factory.get();
                model.discard();   // from now on a row it does not hold is read from the table
            }
            BufferedReadModel taken = model;
            lockAgainstBatches(readModel);
            batch.onCleanup(u -> {
                taken.discard();
                models.offer(taken);
            });
            batch.onPrepareCommit(u -> write(readModel, taken, writeFailed));
            taken.prefetch(events(batch));
            batches.computeIfAbsent(readModel, c -> new LongAdder()).increment();
            return taken;
        });
    }

    @SuppressWarnings("unchecked")   // an event processor's batch holds event messages only
    private static List<? extends EventMessage<?>> events(BatchingUnitOfWork<?> batch) {
        return (List<? extends EventMessage<?>>) batch.getMessages();
    }

    private void write(Class<?> readModel, BufferedReadModel model,
                       Function<RuntimeException, RuntimeException> writeFailed) {
        try {
            model.write();
        } catch (RuntimeException e) {
            failedWrites.computeIfAbsent(readModel, c -> new LongAdder()).increment();
            throw writeFailed.apply(e);
        }
    }

    /** The read models (handler classes) that have a buffered model. */
    public Set<Class<?>> readModels() {
        return factories.keySet();
    }

    /** How many batches of the read model went to its buffered model (committed or not). */
    public long bufferedBatches(Class<?> readModel) {
        LongAdder count = batches.get(readModel);
        return count == null ? 0 : count.sum();
    }

    /** How many of those failed in their write, each then retried event by event with savepoints. */
    public long failedWrites(Class<?> readModel) {
        LongAdder count = failedWrites.get(readModel);
        return count == null ? 0 : count.sum();
    }
}
