package com.solanamafia.command.earnings;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsUpdateFailed;
import com.solanamafia.api.earnings.EarningsUpdateSubmitted;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.solanamafia.api.player.PlayerJoined;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.saga.AnnotatedSaga;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.modelling.saga.metamodel.AnnotationSagaMetaModelFactory;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule saga against Axon's stub deadline manager: due time, not-due re-schedule, backoff, confirmation. */
class EarningsScheduleSagaTest {
    static final Wallet W = Wallet.of("9JzwTbp1vCcsz3dr6g7LKdJAkKjf5zjLWMr4WMmQqktN");
    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    static final Instant DUE = T0.plus(Duration.ofDays(1));
    static final EarningsPolicy POLICY = new EarningsPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofMinutes(3));

    SagaTestFixture<EarningsScheduleSaga> fixture;
    FakeRequests requests;
    MovingDeadlines mover;
    /** names of the deadlines db-scheduler is "executing": they can be neither cancelled nor moved */
    final Set<String> executing = new HashSet<>();

    static final class FakeRequests implements EarningsRequests {
        final List<String> requested = new ArrayList<>();
        final List<String> confirmed = new ArrayList<>();
        Outcome outcome = Outcome.SUBMITTED;

        @Override
        public void scheduled(Wallet wallet, Instant dueAt, Instant fireAt, String phase, int businesses) {
        }

        @Override
        public void request(Wallet wallet, Instant dueAt, int attempt, String trigger) {
            requested.add(dueAt + "#" + attempt + "#" + trigger);
        }

        @Override
        public void confirm(Wallet wallet, Instant dueAt, String outcome, String signature, Instant nextDueAt) {
            confirmed.add(dueAt + "#" + outcome);
        }

        @Override
        public Outcome outcome(Wallet wallet, Instant dueAt) {
            return outcome;
        }
    }

    static StubDeadlineManager stubOf(SagaTestFixture<?> fixture) {
        try {
            // the fixture does not expose its deadline manager
            var field = SagaTestFixture.class.getDeclaredField("deadlineManager");
            field.setAccessible(true);
            return (StubDeadlineManager) field.get(fixture);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a deadline of the fixture's stub in place (same schedule id and payload), unless it is executing. */
    static final class MovingDeadlines implements DeadlineMover {
        final StubDeadlineManager stub;
        final Set<String> executing;
        int moves;

        MovingDeadlines(StubDeadlineManager stub, Set<String> executing) {
            this.stub = stub;
            this.executing = executing;
        }

        @Override
        public boolean move(String scheduleId, Instant triggerTime) {
            var found = stub.getScheduledDeadlines().stream().filter(d -> d.getScheduleId().equals(scheduleId)).findFirst();
            if (found.isEmpty() || executing.contains(found.get().getDeadlineName())) {
                return false;
            }
            var d = found.get();
            stub.cancelSchedule(d.getDeadlineName(), scheduleId);
            // a message keeps its identifier, which is the stub's schedule id
            stub.schedule(triggerTime, d.getDeadlineName(), d.deadlineMessage(), d.getDeadlineScope());
            moves++;
            return true;
        }
    }

    /**
     * The fixture's deadline manager, except that a deadline named in {@link #executing} cannot be cancelled, as
     * db-scheduler refuses while it runs the task: it stays scheduled and fires later, stale.
     */
    static final class ExecutingDeadlines implements DeadlineManager {
        final DeadlineManager stub;
        final Set<String> executing;

        ExecutingDeadlines(SagaTestFixture<?> fixture, Set<String> executing) {
            this.stub = stubOf(fixture);
            this.executing = executing;
        }

        @Override
        public String schedule(Instant triggerDateTime, String deadlineName, Object payload, ScopeDescriptor scope) {
            return stub.schedule(triggerDateTime, deadlineName, payload, scope);
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
            if (executing.contains(deadlineName)) {
                throw new TaskInstanceCurrentlyExecutingException("AxonDeadline", scheduleId);
            }
            stub.cancelSchedule(deadlineName, scheduleId);
        }

        @Override
        public void cancelAll(String deadlineName) {
            stub.cancelAll(deadlineName);
        }

        @Override
        public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
            stub.cancelAllWithinScope(deadlineName, scope);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
            return stub.registerDispatchInterceptor(dispatchInterceptor);
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
            return stub.registerHandlerInterceptor(handlerInterceptor);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EarningsScheduleSaga.class);
        requests = new FakeRequests();
        fixture.registerResource(requests);
        fixture.registerResource(ChainClock.realTime(() -> fixture.currentTime()));
        fixture.registerResource(POLICY);
        mover = new MovingDeadlines(stubOf(fixture), executing);
        fixture.registerResource(mover);
        fixture.setCallbackBehavior((command, metaData) -> null);
    }

    static ChainFact fact(String sig) {
        return new ChainFact(new ChainPosition(sig, "0", 0), 1, T0);
    }

    static PlayerJoined joined() {
        return new PlayerJoined(W, fact("join"), Lamports.of(10), T0, DUE);
    }

    static final Wallet MINT = Wallet.of("EhB2psL3utppwmFf5an9xWHmbTWdMHuwuxhx69RPkxo3");

    static BusinessPurchased purchased() {
        return new BusinessPurchased(W, fact("buy"), 0, 0, 0, Lamports.of(100_000_000), null, null, 200, null, UnixTime.of(T0));
    }

    static EarningsAccrued accrued(Instant next) {
        return accrued(next, 1);
    }

    static EarningsAccrued accrued(Instant next, int businesses) {
        return new EarningsAccrued(W, fact("accrue" + next.getEpochSecond()), Lamports.of(2_000_000), Lamports.of(2_000_000),
                UnixTime.of(next), businesses);
    }

    @Test
    void anAccrualMovesTheDueDeadlineInPlace() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());
        String id = stubOf(fixture).getScheduledDeadlines().get(0).getScheduleId();

        // someone else's update paid this window before our deadline: the next one is a day later
        Instant next = DUE.plus(Duration.ofDays(1));
        fixture.whenPublishingA(accrued(next))
                .expectScheduledDeadline(Duration.ofDays(2).plus(POLICY.grace()), 1L)
                .expectNoScheduledDeadline(Duration.ofDays(1).plus(POLICY.grace()), 1L);
        assertThat(mover.moves).isEqualTo(1);
        assertThat(stubOf(fixture).getScheduledDeadlines()).singleElement()
                .satisfies(d -> assertThat(d.getScheduleId()).isEqualTo(id));

        fixture.whenTimeElapses(Duration.ofDays(2).plusSeconds(3))
                .expectTriggeredDeadlines(1L)
                .expectScheduledDeadline(POLICY.confirmTimeout(), 2L);
        assertThat(requests.requested).containsExactly(next + "#0#schedule");
    }

    @Test
    void anAccrualThatDoesNotMoveTheDueTimeSchedulesNoNewDeadline() {
        fixture.givenCurrentTime(T0);
        Instant next = DUE.plus(Duration.ofDays(1));
        fixture.givenAggregate(W.base58()).published(joined(), purchased(), accrued(next));
        assertThat(mover.moves).isEqualTo(1);
        String id = stubOf(fixture).getScheduledDeadlines().get(0).getScheduleId();

        fixture.whenPublishingA(accrued(next))   // a duplicate, or an older window's event
                .expectScheduledDeadline(Duration.ofDays(2).plus(POLICY.grace()), 1L);
        assertThat(mover.moves).isEqualTo(1);
        assertThat(stubOf(fixture).getScheduledDeadlines()).singleElement()
                .satisfies(d -> assertThat(d.getScheduleId()).isEqualTo(id));
    }

    @Test
    void anAccrualWithoutBusinessesCancelsTheDueDeadline() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased())
                .whenAggregate(W.base58()).publishes(accrued(DUE.plus(Duration.ofDays(1)), 0))
                .expectNoScheduledDeadlines();
        assertThat(mover.moves).isZero();
    }

    @Test
    void noScheduleWithoutABusiness() {
        fixture.givenCurrentTime(T0);
        fixture.givenNoPriorActivity()
                .whenAggregate(W.base58()).publishes(joined())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBusinessTakenOverByTransferMakesTheNewOwnerEarn() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined())
                .whenAggregate(W.base58()).publishes(new BusinessTakenOver(W, Wallet.of("5KnFwaryaNBBvUzv7CspV7HZB54LFTPKo5vvuWC3vD5P"),
                        fact("transfer"), MINT, 0, TransferredBusiness.UNKNOWN, UnixTime.of(T0)))
                .expectScheduledDeadlineWithName(Duration.ofDays(1).plus(POLICY.grace()), EarningsScheduleSaga.DUE);
    }

    @Test
    void theOnlyBusinessHandedOverByTransferStopsTheOldOwnersSchedule() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased())
                .whenAggregate(W.base58()).publishes(new BusinessHandedOver(W, Wallet.of("5KnFwaryaNBBvUzv7CspV7HZB54LFTPKo5vvuWC3vD5P"),
                        fact("transfer"), MINT, 0, UnixTime.of(T0)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void schedulesAtTheDueTimeAndRequestsThen() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined())
                .whenAggregate(W.base58()).publishes(purchased())
                .expectScheduledDeadlineWithName(Duration.ofDays(1).plus(POLICY.grace()), EarningsScheduleSaga.DUE);

        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3))
                .expectTriggeredDeadlinesWithName(EarningsScheduleSaga.DUE)
                .expectScheduledDeadlineWithName(POLICY.confirmTimeout(), EarningsScheduleSaga.WATCHDOG);
        assertThat(requests.requested).containsExactly(DUE + "#0#schedule");
    }

    @Test
    void notDueReschedulesWithoutCountingAnAttempt() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());
        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3));
        fixture.whenPublishingA(new EarningsUpdateFailed(W, DUE, 0, EarningsUpdateFailed.Kind.NOT_DUE, "6014", "sig1", T0))
                .expectScheduledDeadlineWithName(POLICY.notDueRetry(), EarningsScheduleSaga.DUE);
        fixture.whenTimeElapses(POLICY.notDueRetry().plusSeconds(1))   // the fixture lists every deadline met so far
                .expectTriggeredDeadlinesWithName(EarningsScheduleSaga.DUE, EarningsScheduleSaga.DUE);
        assertThat(requests.requested).containsExactly(DUE + "#0#schedule", DUE + "#0#schedule");
    }

    @Test
    void failuresBackOffExponentially() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());
        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3));
        fixture.whenPublishingA(new EarningsUpdateSubmitted(W, DUE, 0, "sig1", 0, 1, 100, T0))
                .expectNoScheduledDeadlineWithName(Duration.ofSeconds(5), EarningsScheduleSaga.DUE);
        fixture.whenPublishingA(new EarningsUpdateFailed(W, DUE, 0, EarningsUpdateFailed.Kind.REJECTED, "boom", "sig1", T0))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(5), EarningsScheduleSaga.DUE);
        fixture.whenTimeElapses(Duration.ofSeconds(6)).expectTriggeredDeadlinesWithName(EarningsScheduleSaga.DUE, EarningsScheduleSaga.DUE);
        fixture.whenPublishingA(new EarningsUpdateFailed(W, DUE, 1, EarningsUpdateFailed.Kind.TRANSIENT, "503", null, T0))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(10), EarningsScheduleSaga.DUE);
        fixture.whenTimeElapses(Duration.ofSeconds(11))
                .expectTriggeredDeadlinesWithName(EarningsScheduleSaga.DUE, EarningsScheduleSaga.DUE, EarningsScheduleSaga.DUE);
        fixture.whenPublishingA(new EarningsUpdateFailed(W, DUE, 2, EarningsUpdateFailed.Kind.TRANSIENT, "503", null, T0))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(20), EarningsScheduleSaga.DUE);
        assertThat(requests.requested).containsExactly(DUE + "#0#schedule", DUE + "#1#retry", DUE + "#2#retry");
        assertThat(POLICY.backoff(40)).isEqualTo(POLICY.backoffMax());
    }

    @Test
    void theIngestersEarningsAccruedConfirmsTheWindowAndSchedulesTheNext() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());
        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3));
        Instant next = DUE.plus(Duration.ofDays(1)).plusSeconds(4);
        fixture.whenPublishingA(accrued(next))
                .expectScheduledDeadlineWithName(Duration.between(DUE.plusSeconds(3), next).plus(POLICY.grace()), EarningsScheduleSaga.DUE)
                .expectNoScheduledDeadlineWithName(POLICY.confirmTimeout(), EarningsScheduleSaga.WATCHDOG);
        assertThat(requests.confirmed).containsExactly(DUE + "#accrued");
        // a duplicate (or older) event changes nothing
        fixture.whenPublishingA(accrued(next));
        assertThat(requests.confirmed).hasSize(1);
    }

    @Test
    void aWindowThatLandedWithoutAnEventIsClosedByTheWatchdog() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());
        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3));
        requests.outcome = EarningsRequests.Outcome.LANDED;
        fixture.whenTimeElapses(POLICY.confirmTimeout().plusSeconds(1))
                .expectTriggeredDeadlinesWithName(EarningsScheduleSaga.DUE, EarningsScheduleSaga.WATCHDOG)
                .expectScheduledDeadlineWithName(POLICY.notDueRetry(), EarningsScheduleSaga.DUE);
        assertThat(requests.confirmed).containsExactly(DUE + "#landed-without-event");
    }

    @Test
    void everyDeadlineCarriesItsOwnSequenceNumber() {
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined())
                .whenAggregate(W.base58()).publishes(purchased())
                .expectScheduledDeadline(Duration.ofDays(1).plus(POLICY.grace()), 1L);
        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3))
                .expectTriggeredDeadlines(1L)
                .expectScheduledDeadline(POLICY.confirmTimeout(), 2L);
        fixture.whenPublishingA(new EarningsUpdateFailed(W, DUE, 0, EarningsUpdateFailed.Kind.REJECTED, "boom", "sig1", T0))
                .expectScheduledDeadline(Duration.ofSeconds(5), 3L)
                .expectNoScheduledDeadlineWithName(POLICY.confirmTimeout(), EarningsScheduleSaga.WATCHDOG);
    }

    @Test
    void aDueThatFiresAfterItWasReplacedIsIgnored() throws Exception {
        ExecutingDeadlines deadlines = new ExecutingDeadlines(fixture, executing);
        fixture.registerResource(deadlines);
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());

        // someone else updated the player: the next window is a day later, and the old DUE is executing right now
        Instant next = DUE.plus(Duration.ofDays(1));
        executing.add(EarningsScheduleSaga.DUE);
        fixture.whenPublishingA(accrued(next))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(Duration.ofDays(1).plus(POLICY.grace()), 1L)    // the stale one
                .expectScheduledDeadline(Duration.ofDays(2).plus(POLICY.grace()), 2L);   // the live one
        executing.clear();

        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3))
                .expectTriggeredDeadlines(1L)
                .expectNoScheduledDeadlineWithName(POLICY.confirmTimeout(), EarningsScheduleSaga.WATCHDOG)
                .expectScheduledDeadline(Duration.ofDays(1).minusSeconds(1), 2L);
        assertThat(requests.requested).isEmpty();

        fixture.whenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlines(1L, 2L);
        assertThat(requests.requested).containsExactly(next + "#0#schedule");
    }

    @Test
    void aWatchdogThatFiresAfterItWasReplacedIsIgnored() throws Exception {
        ExecutingDeadlines deadlines = new ExecutingDeadlines(fixture, executing);
        fixture.registerResource(deadlines);
        fixture.givenCurrentTime(T0);
        fixture.givenAggregate(W.base58()).published(joined(), purchased());
        fixture.whenTimeElapses(Duration.ofDays(1).plusSeconds(3));   // DUE (1) fires, WATCHDOG (2) armed

        // the first attempt fails while its watchdog is executing; the retry arms a watchdog of its own
        executing.add(EarningsScheduleSaga.WATCHDOG);
        fixture.whenPublishingA(new EarningsUpdateFailed(W, DUE, 0, EarningsUpdateFailed.Kind.REJECTED, "boom", "sig1", T0))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(Duration.ofSeconds(5), 3L);
        executing.clear();
        fixture.whenTimeElapses(Duration.ofSeconds(6))
                .expectTriggeredDeadlines(1L, 3L)
                .expectScheduledDeadline(POLICY.confirmTimeout(), 4L);

        // the stale watchdog of attempt 0 must not judge attempt 1 early
        requests.outcome = EarningsRequests.Outcome.LANDED;
        fixture.whenTimeElapses(POLICY.confirmTimeout().minusSeconds(3))
                .expectTriggeredDeadlines(1L, 3L, 2L)
                .expectScheduledDeadline(Duration.ofSeconds(3), 4L);
        assertThat(requests.confirmed).isEmpty();

        fixture.whenTimeElapses(Duration.ofSeconds(4))
                .expectTriggeredDeadlines(1L, 3L, 2L, 4L)
                .expectScheduledDeadline(POLICY.notDueRetry(), 5L);
        assertThat(requests.confirmed).containsExactly(DUE + "#landed-without-event");
        assertThat(requests.requested).containsExactly(DUE + "#0#schedule", DUE + "#1#retry");
    }

    @Test
    void aSagaAndDeadlineStoredBeforeSequenceNumbersStillWork() throws Exception {
        // as serialized by the previous version: no sequence numbers, a DUE deadline without payload
        String stored = """
                {"wallet":"%s","dueAt":"%s","attempt":0,"phase":"SCHEDULED","businesses":1,
                 "dueDeadline":"old-due","watchdogDeadline":null}""".formatted(W.base58(), DUE);
        EarningsScheduleSaga saga = new ObjectMapper().registerModule(new JavaTimeModule())
                .readValue(stored, EarningsScheduleSaga.class);
        StubDeadlineManager deadlineManager = new StubDeadlineManager(DUE.plusSeconds(3));
        new SimpleResourceInjector(requests, ChainClock.realTime(deadlineManager::getCurrentDateTime), POLICY,
                deadlineManager, new MovingDeadlines(deadlineManager, executing)).injectResources(saga);

        var sagaModels = new AnnotationSagaMetaModelFactory();
        var scope = new AnnotatedSaga<>("saga-1", Set.of(), saga, sagaModels.modelOf(EarningsScheduleSaga.class),
                sagaModels.chainedInterceptor(EarningsScheduleSaga.class));

        scope.handle(GenericDeadlineMessage.asDeadlineMessage(EarningsScheduleSaga.DUE, null, DUE.plusSeconds(3)));

        assertThat(requests.requested).containsExactly(DUE + "#0#schedule");
        assertThat(saga.phase()).isEqualTo(EarningsScheduleSaga.Phase.REQUESTED);
        // the watchdog it arms carries a sequence number; the old DUE firing again is stale
        assertThat(deadlineManager.getScheduledDeadlines()).singleElement()
                .satisfies(d -> assertThat(d.deadlineMessage().getPayload()).isEqualTo(1L));
        scope.handle(GenericDeadlineMessage.asDeadlineMessage(EarningsScheduleSaga.DUE, null, DUE.plusSeconds(4)));
        assertThat(requests.requested).hasSize(1);
    }
}
