package com.solanamafia.app.axon;

import com.solanamafia.ingest.pipeline.NewAggregates;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * The embedded (JDBC) event store, except that the first load of an aggregate an ingest window knows to be new
 * reads nothing: a backfill creates thousands of players and NFTs, each would cost a snapshot and an event query.
 */
public class IngestAwareEventStore extends EmbeddedEventStore {

    IngestAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return NewAggregates.takeKnownNew(aggregateIdentifier) ? DomainEventStream.empty() : super.readEvents(aggregateIdentifier);
    }
}
