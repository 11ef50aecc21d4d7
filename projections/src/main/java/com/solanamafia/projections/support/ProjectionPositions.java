package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFactEvent;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static com.solanamafia.projections.jooq.Tables.PROJECTION_POSITION;

/** Records the event-store position (global index) a projection has applied, so readers can tell freshness. */
@Component
public class ProjectionPositions {
    private static final Map<String, String> RESOURCE_KEYS = new ConcurrentHashMap<>();
    private final DSLContext db;
    private volatile ReadModelChangeListener changes;

    public ProjectionPositions(DSLContext db) {
        this.db = db;
    }

    /** Optional: told after each committed batch which wallets each read model touched (cache invalidation). */
    @Autowired(required = false)
    public void setChangeListener(ReadModelChangeListener changes) {
        this.changes = changes;
    }

    public static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * Records that {@code projection} applied the event at {@code position}. Inside a unit of work (a processor
     * batch) the highest position is written once, just before the batch commits, so the shared position row is
     * locked only briefly; without one it is written at once.
     */
    public void record(String projection, long position) {
        if (!CurrentUnitOfWork.isStarted()) {
            advance(projection, position);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String key = resourceKey(projection);   // called for every event a read model sees: no key built per call
        AtomicLong highest = root.getResource(key);
        if (highest == null) {
            AtomicLong max = new AtomicLong(Long.MIN_VALUE);
            root.resources().put(key, max);
            root.onPrepareCommit(uow -> advance(projection, max.get()));
            highest = max;
        }
        if (position > highest.get()) {
            highest.set(position);   // a unit of work runs on one thread
        }
        ReadModelChangeListener listener = changes;
        if (listener != null && CurrentUnitOfWork.get().getMessage() != null
                && CurrentUnitOfWork.get().getMessage().getPayload() instanceof ChainFactEvent event) {
            Set<String> wallets = root.getOrComputeResource("projection-changes:" + projection, k -> {
                Set<String> touched = new HashSet<>();
                root.afterCommit(uow -> listener.changed(projection, touched));
                return touched;
            });
            EventWallets.all(event).forEach(w -> wallets.add(w.base58()));
        }
    }

    private static String resourceKey(String projection) {
        return RESOURCE_KEYS.computeIfAbsent(projection, p -> "projection-position:" + p);
    }

    public void advance(String projection, long position) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(PROJECTION_POSITION)
                .set(PROJECTION_POSITION.PROJECTION, projection)
                .set(PROJECTION_POSITION.EVENT_POSITION, position)
                .set(PROJECTION_POSITION.UPDATED_AT, now)
                .onConflict(PROJECTION_POSITION.PROJECTION)
                .doUpdate()
                .set(PROJECTION_POSITION.EVENT_POSITION,
                        DSL.greatest(PROJECTION_POSITION.EVENT_POSITION, DSL.val(position)))
                .set(PROJECTION_POSITION.UPDATED_AT, now)
                .execute();
    }

    public long positionOf(String projection) {
        Long position = db.select(PROJECTION_POSITION.EVENT_POSITION).from(PROJECTION_POSITION)
                .where(PROJECTION_POSITION.PROJECTION.eq(projection)).fetchOne(PROJECTION_POSITION.EVENT_POSITION);
        return position == null ? -1 : position;
    }

    /** Forgets a projection's position (its @ResetHandler calls this). */
    public void forget(String projection) {
        db.deleteFrom(PROJECTION_POSITION).where(PROJECTION_POSITION.PROJECTION.eq(projection)).execute();
    }
}
