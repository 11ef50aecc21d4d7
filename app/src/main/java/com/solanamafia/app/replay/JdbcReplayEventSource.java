package com.solanamafia.app.replay;

import com.solanamafia.projections.replay.ReplayEventSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.jooq.DSLContext;

import java.util.stream.Stream;

/**
 * The JDBC event store read for a replay: a storage engine of its own over the app's tables and serializers, with
 * bigger read batches than the live one, so a replay reads straight from PostgreSQL without the event bus.
 */
public class JdbcReplayEventSource implements ReplayEventSource {
    private final JdbcEventStorageEngine engine;
    private final EventSchema schema;
    private final DSLContext db;
    private final Runnable release;

    /** {@code release}: run when a replay is over (drops what the serializer shares during one). */
    public JdbcReplayEventSource(JdbcEventStorageEngine engine, EventSchema schema, DSLContext db, Runnable release) {
        this.engine = engine;
        this.schema = schema;
        this.db = db;
        this.release = release;
    }

    @Override
    public void released() {
        release.run();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readFrom(TrackingToken after) {
        return engine.readEvents(after, false);
    }

    @Override
    public long count() {
        return db.fetchOne("SELECT count(*) FROM " + schema.domainEventTable()).get(0, Long.class);
    }

    @Override
    public long head() {
        return db.fetchOne("SELECT coalesce(max(" + schema.globalIndexColumn() + "), -1) FROM "
                + schema.domainEventTable()).get(0, Long.class);
    }
}
