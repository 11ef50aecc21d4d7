package com.solanamafia.projections.replay;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.projections.jooq.tables.records.PlayerRecord;
import com.solanamafia.projections.player.PlayerSummaryProjection;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import java.math.BigInteger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.projections.discrepancy.DiscrepancyProjection;
import com.solanamafia.projections.support.LiveBatches;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.ReadModelDb;
import com.solanamafia.projections.support.SavepointPerEvent;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.solanamafia.projections.jooq.Tables.PLAYER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live processor batches go to the read models' buffered models ({@link SavepointPerEvent} with {@link LiveBatches}),
 * which read the rows a batch needs from the tables, change them in memory and write them before the commit. They
 * must build exactly the rows the read models' own SQL builds, batch after batch over the same few wallets (nothing
 * may be taken from an earlier batch) and with events delivered twice (which must change nothing, without failing
 * the batch), and a batch whose write fails must be retried event by event, with only the failing event left out.
 */
class LiveBatchesTest {
    static final int BATCH = 40;
    static ReadModelDb reference;
    static ReadModelDb live;
    static ReadModelDb bypassed;

    @BeforeAll
    static void databases() {
        reference = ReadModelDb.fresh("live_reference");
        live = ReadModelDb.fresh("live_buffered");
        bypassed = ReadModelDb.fresh("live_bypassed");
    }

    @AfterAll
    static void close() {
        reference.close();
        live.close();
        bypassed.close();
    }

    /** A read model as a live processor runs it: its bean's handlers, enhanced as in the app, in batches. */
    static final class Processor {
        final PlatformTransactionManager transactions;
        final DSLContext db;
        final SavepointPerEvent enhancer;
        final AnnotationEventHandlerAdapter adapter;

        /** {@code beanDb}: where the bean's own statements go (another database, to see they are not used). */
        Processor(ReplayableProjections.Spec spec, ReadModelDb target, DSLContext beanDb) {
            transactions = new DataSourceTransactionManager(target.dataSource);
            db = DSL.using(new TransactionAwareDataSourceProxy(target.dataSource), SQLDialect.POSTGRES);
            DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
            beans.registerSingleton("transactions", transactions);
            beans.registerSingleton("liveBatches", ReplayableProjections.liveBatches(db, new ProjectionPositions(db)));
            enhancer = new SavepointPerEvent(beans.getBeanProvider(PlatformTransactionManager.class),
                    beans.getBeanProvider(LiveBatches.class));
            Object bean = spec.factory().apply(beanDb == null ? db : beanDb, new ProjectionPositions(
                    beanDb == null ? db : beanDb));
            adapter = new AnnotationEventHandlerAdapter(bean, ClasspathParameterResolverFactory.forClass(spec.handlerType()),
                    MultiHandlerDefinition.ordered(List.of(new AnnotatedMessageHandlingMemberDefinition()), enhancer));
        }

        /** One batch; a failing event is kept aside (as the dead-letter queue does) and the rest goes on. */
        List<Object> batch(List<? extends EventMessage<?>> events) {
            return batch(events, () -> { });
        }

        /** {@code meanwhile}: run once the batch's first event was handled, before the batch commits. */
        List<Object> batch(List<? extends EventMessage<?>> events, Runnable meanwhile) {
            List<Object> failed = new ArrayList<>();
            BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(new ArrayList<>(events));
            uow.attachTransaction(new SpringTransactionManager(transactions));
            uow.executeWithResult(() -> {
                EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                try {
                    if (adapter.canHandle(event)) {
                        adapter.handle(event);
                    }
                } catch (Exception e) {
                    failed.add(event.getPayload());
                }
                if (event == events.get(0)) {
                    meanwhile.run();
                }
                return null;
            });
            if (uow.getExecutionResult() != null && uow.getExecutionResult().isExceptionResult()) {
                throw new IllegalStateException("batch failed", uow.getExecutionResult().getExceptionResult());
            }
            return failed;
        }

        /** One event in a unit of work of its own, as the dead-letter queue retries a letter. */
        void single(EventMessage<?> event) throws Exception {
            DefaultUnitOfWork<EventMessage<?>> uow = DefaultUnitOfWork.startAndGet(event);
            uow.attachTransaction(new SpringTransactionManager(transactions));
            try {
                adapter.handle(event);
            } catch (Exception e) {
                uow.rollback(e);
                throw e;
            }
            uow.commit();
        }
    }

    @Test
    void liveBatchesBuildTheRowsTheReadModelsOwnSqlBuilds() {
        List<TrackedEventMessage<?>> game = BufferedReadModelsTest.game(7);
        for (ReplayableProjections.Spec spec : ReplayableProjections.resolve(List.of("all"))) {
            for (ReadModelDb db : List.of(reference, live, bypassed)) {
                for (String table : BufferedReadModelsTest.tablesOf(spec)) {
                    db.db.execute("TRUNCATE read_model." + table);
                }
            }
            AnnotationEventHandlerAdapter plain = new AnnotationEventHandlerAdapter(spec.newHandler(reference.db));
            Processor processor = new Processor(spec, live, bypassed.db);
            for (int from = 0; from < game.size(); from += BATCH) {
                List<TrackedEventMessage<?>> batch = withRedeliveries(game, from);
                BufferedReadModelsTest.inUnitOfWork(batch, plain, () -> { });
                assertThat(processor.batch(batch)).as(spec.name()).isEmpty();
            }
            for (String table : BufferedReadModelsTest.tablesOf(spec)) {
                assertThat(BufferedReadModelsTest.rows(live, table, spec.name())).as(spec.name() + ": " + table)
                        .isNotEmpty().isEqualTo(BufferedReadModelsTest.rows(reference, table, spec.name()));
                assertThat(BufferedReadModelsTest.rows(bypassed, table, spec.name()))
                        .as(spec.name() + ": nothing through the bean's own statements").isEmpty();
            }
        }
    }

    /**
     * A buffered batch writes back whole rows it read at its start: a dead letter retried on its own meanwhile (the
     * admin endpoint, on any instance) must wait for the batch, or the batch would overwrite what it wrote.
     */
    @Test
    void aDeadLetterRetriedDuringABufferedBatchWaitsForIt() throws Exception {
        ReplayableProjections.Spec spec = ReplayableProjections.require(PlayerSummaryProjection.NAME);
        for (String table : BufferedReadModelsTest.tablesOf(spec)) {
            live.db.execute("TRUNCATE read_model." + table);
        }
        Processor processor = new Processor(spec, live, null);
        Wallet wallet = ReadModelDb.wallet(77);
        TrackedEventMessage<?> purchase = tracked(100, new BusinessPurchased(wallet, chainFact(100), 0, 1, 0,
                Lamports.of(1_000_000), null, null, 100, null, null));
        TrackedEventMessage<?> claim = tracked(200, new EarningsClaimed(wallet, chainFact(200), Lamports.of(5_000),
                null));
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<Future<?>> retry = new ArrayList<>();
            processor.batch(List.of(purchase), () -> {
                retry.add(other.submit(() -> {
                    processor.single(claim);
                    return null;
                }));
                try {
                    retry.get(0).get(700, TimeUnit.MILLISECONDS);
                    throw new AssertionError("the dead letter was applied while the batch held its rows");
                } catch (TimeoutException waiting) {
                    // as it should: it waits for the batch's commit
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            });
            retry.get(0).get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        PlayerRecord row = live.db.fetchOne(PLAYER, PLAYER.WALLET.eq(wallet.base58()));
        assertThat(row.getTotalInvestedLamports()).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(row.getTotalClaimedLamports()).as("the claim, applied after the batch").isEqualTo(BigInteger.valueOf(5_000));
        assertThat(row.getEventPosition()).isEqualTo(200);
    }

    static ChainFact chainFact(long n) {
        return new ChainFact(new ChainPosition("p" + n, "0", 0), n, Instant.parse("2026-05-01T00:00:00Z"));
    }

    static TrackedEventMessage<?> tracked(long position, Object event) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericEventMessage<>(UUID.randomUUID().toString(), event, Map.of(), Instant.now()));
    }

    /**
     * The batch of BATCH events from {@code from}, with events delivered again as the embedded event store does now
     * and then at the head: the previous batch's last event first, and one of its own events twice.
     */
    static List<TrackedEventMessage<?>> withRedeliveries(List<TrackedEventMessage<?>> game, int from) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        if (from > 0) {
            batch.add(game.get(from - 1));
        }
        List<TrackedEventMessage<?>> own = game.subList(from, Math.min(game.size(), from + BATCH));
        batch.addAll(own);
        batch.add(own.size() / 2 + (from > 0 ? 1 : 0), own.get(own.size() / 2));
        return batch;
    }

    @Test
    void aBatchWhoseWriteFailsIsRetriedEventByEventWithoutTheFailingEvent() {
        ReplayableProjections.Spec spec = ReplayableProjections.require(DiscrepancyProjection.NAME);
        live.db.execute("TRUNCATE read_model.discrepancy");
        Processor processor = new Processor(spec, live, null);
        // a rule longer than its column: the handler has nothing to object to, the batch's write fails
        List<EventMessage<?>> batch = List.of(discrepancy(1, "rule-a"), discrepancy(2, "x".repeat(300)),
                discrepancy(3, "rule-c"));

        assertThatThrownBy(() -> processor.batch(batch)).hasMessage("batch failed");
        assertThat(live.db.fetchCount(DSL.table("read_model.discrepancy"))).as("nothing of the failed batch").isZero();

        List<Object> failed = processor.batch(batch);
        assertThat(failed).hasSize(1).first().extracting(e -> ((ChainDiscrepancyDetected) e).rule())
                .isEqualTo("x".repeat(300));
        assertThat(live.db.fetch("SELECT rule_id FROM read_model.discrepancy ORDER BY event_position")
                .getValues(0, String.class)).containsExactly("rule-a", "rule-c");

        // and the read model goes on with the next batch
        assertThat(processor.batch(List.of(discrepancy(4, "rule-d")))).isEmpty();
        assertThat(live.db.fetchCount(DSL.table("read_model.discrepancy"))).isEqualTo(3);
    }

    static TrackedEventMessage<?> discrepancy(long position, String rule) {
        ChainDiscrepancyDetected event = new ChainDiscrepancyDetected(ReadModelDb.wallet(40 + (int) position),
                new ChainFact(new ChainPosition("d" + position, "0", 0), position, Instant.parse("2026-05-01T00:00:00Z")),
                rule, "test");
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericEventMessage<>(UUID.randomUUID().toString(), event, Map.of(), Instant.now()));
    }
}
