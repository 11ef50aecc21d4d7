package com.solanamafia.command.earnings;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.business.LegacyBusinessCreated;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsUpdateFailed;
import com.solanamafia.api.earnings.EarningsUpdateSubmitted;
import com.solanamafia.api.player.PlayerJoined;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * One per player: keeps the player's next on-chain due time and a durable deadline at it (db-scheduler in the app,
 * so the deadline survives restarts and fires on exactly one instance). When the deadline fires the saga asks
 * {@link EarningsRequests} for an update of that due window; the submitter batches, signs and sends it and reports
 * back with EarningsUpdateSubmitted / EarningsUpdateFailed; the window closes when the ingester records the player's
 * EarningsAccrued (EarningsUpdated on chain) with a later due time.
 * <p>
 * Rules: no schedule while the player has no business (nothing to earn); "not due" (the chain's clock or someone
 * else's update moved the due time) re-schedules after {@link EarningsPolicy#notDueRetry()} of chain time without
 * counting as a failure; other failures back off exponentially (wall time); a window that landed without an event
 * (nothing to add) is closed as {@code landed-without-event}.
 * <p>
 * A deadline cannot be cancelled while db-scheduler is executing it, so a replaced or cancelled deadline may still
 * fire. Each deadline therefore carries a sequence number as payload, and is acted on only if it is still the saga's
 * current one of its name (deadlines scheduled before sequence numbers existed carry none).
 * <p>
 * When the due time moves (every EarningsAccrued), the due deadline is moved in place by the {@link DeadlineMover}
 * (one UPDATE) rather than cancelled and scheduled again; only one that is executing is replaced. Deadlines are
 * scheduled and cancelled at once ({@link Deadlines}), in handler order, in the batch's transaction.
 * <p>
 * Processing group {@value #PROCESSING_GROUP}: sagas are never replayed (Axon's saga manager does not support
 * reset), which is what we want for a component whose effect is sending chain transactions.
 */
@Saga
@ProcessingGroup(EarningsScheduleSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class EarningsScheduleSaga {
    public static final String PROCESSING_GROUP = "earnings-schedule";
    public static final String DUE = "earnings-due";
    public static final String WATCHDOG = "earnings-watchdog";

    public enum Phase { WAITING_BUSINESS, SCHEDULED, REQUESTED, SUBMITTED }

    private String wallet;
    private Instant dueAt;
    private int attempt;
    private Phase phase = Phase.WAITING_BUSINESS;
    private int businesses;
    private String dueDeadline;
    private String watchdogDeadline;
    // sequence numbers of the live deadlines (null: none, or scheduled before deadlines carried one)
    private Long dueSeq;
    private Long watchdogSeq;
    private long lastDeadlineSeq;

    @JsonIgnore
    @Autowired
    private transient DeadlineManager deadlineManager;
    @JsonIgnore
    @Autowired
    private transient DeadlineMover deadlineMover;
    @JsonIgnore
    @Autowired
    private transient EarningsRequests requests;
    @JsonIgnore
    @Autowired
    private transient ChainClock chainClock;
    @JsonIgnore
    @Autowired
    private transient EarningsPolicy policy;

    @StartSaga
    @SagaEventHandler(associationProperty = "wallet")
    public void on(PlayerJoined event) {
        init(event.wallet());
        Instant next = event.nextEarningsAt();
        // idl-full: next_earnings_time 0 means due at once; HEAD: created_at + 1 day
        dueAt = next != null ? next : event.joinedAt() != null ? event.joinedAt() : chainNow();
        scheduleIfEarning();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "wallet")
    public void on(BusinessPurchased event) {
        businessAdded(event.wallet());
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "wallet")
    public void on(LegacyBusinessCreated event) {
        businessAdded(event.wallet());
    }

    @SagaEventHandler(associationProperty = "wallet")
    public void on(BusinessSold event) {
        businessRemoved();
    }

    @SagaEventHandler(associationProperty = "wallet")
    public void on(BusinessDeactivated event) {
        businessRemoved();
    }

    /** sync_business_ownership: the new owner earns on the business from now on. */
    @StartSaga
    @SagaEventHandler(associationProperty = "wallet")
    public void on(BusinessTakenOver event) {
        businessAdded(event.wallet());
    }

    /** sync_business_ownership: the old owner no longer earns on it (if a slot we know held it). */
    @SagaEventHandler(associationProperty = "wallet")
    public void on(BusinessHandedOver event) {
        if (event.slotIndex() != null) {
            businessRemoved();
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "wallet")
    public void on(EarningsAccrued event) {
        init(event.wallet());
        Instant next = event.nextEarningsAt() == null ? null : event.nextEarningsAt().instant();
        if (dueAt != null && next != null && !next.isAfter(dueAt)) {
            return;   // an older window's event (or a duplicate): nothing new
        }
        if (dueAt != null && (phase == Phase.REQUESTED || phase == Phase.SUBMITTED || phase == Phase.SCHEDULED)) {
            requests.confirm(Wallet.of(wallet), dueAt, "accrued", event.fact().position().signature(), next);
        }
        cancelWatchdog();   // the due deadline is moved to the next window below (or cancelled if nothing is earned)
        attempt = 0;
        businesses = event.businessesCount();
        dueAt = next;
        phase = Phase.WAITING_BUSINESS;
        scheduleIfEarning();
    }

    @SagaEventHandler(associationProperty = "wallet")
    public void on(EarningsUpdateSubmitted event) {
        if (event.dueAt().equals(dueAt) && phase == Phase.REQUESTED) {
            phase = Phase.SUBMITTED;
        }
    }

    @SagaEventHandler(associationProperty = "wallet")
    public void on(EarningsUpdateFailed event) {
        if (!event.dueAt().equals(dueAt) || (phase != Phase.REQUESTED && phase != Phase.SUBMITTED)) {
            return;   // a stale report for a window that is already closed or re-scheduled
        }
        cancelAll();
        phase = Phase.SCHEDULED;
        if (event.kind() == EarningsUpdateFailed.Kind.NOT_DUE) {
            Instant retryChain = chainNow().plus(policy.notDueRetry());
            scheduleDueAtWall(chainClock.wallTimeOf(retryChain));
        } else {
            attempt++;
            scheduleDueAtWall(wallNow().plus(policy.backoff(attempt)));
        }
    }

    @DeadlineHandler(deadlineName = DUE)
    public void onDue(DeadlineMessage<?> deadline) {
        if (!isCurrent(dueDeadline, dueSeq, deadline)) {
            return;
        }
        dueDeadline = null;
        dueSeq = null;
        if (dueAt == null) {
            return;
        }
        phase = Phase.REQUESTED;
        requests.request(Wallet.of(wallet), dueAt, attempt, attempt == 0 ? "schedule" : "retry");
        armWatchdog();
        record(null);
    }

    @DeadlineHandler(deadlineName = WATCHDOG)
    public void onWatchdog(DeadlineMessage<?> deadline) {
        if (!isCurrent(watchdogDeadline, watchdogSeq, deadline)) {
            return;
        }
        watchdogDeadline = null;
        watchdogSeq = null;
        if (phase != Phase.REQUESTED && phase != Phase.SUBMITTED) {
            return;
        }
        switch (requests.outcome(Wallet.of(wallet), dueAt)) {
            case PENDING, SUBMITTED -> armWatchdog();
            case LANDED -> {
                // landed, succeeded, but no EarningsUpdated came: the program had nothing to add
                requests.confirm(Wallet.of(wallet), dueAt, "landed-without-event", null, null);
                phase = Phase.SCHEDULED;
                Instant probe = chainNow().plus(policy.notDueRetry());
                scheduleDueAtWall(chainClock.wallTimeOf(probe));
            }
            case NONE -> {
                // the request row is gone (e.g. cleared by an operator): ask again
                phase = Phase.REQUESTED;
                requests.request(Wallet.of(wallet), dueAt, attempt, "watchdog");
                armWatchdog();
            }
            case FAILED, CONFIRMED -> {
                // the matching event (EarningsUpdateFailed / EarningsAccrued) moves the schedule
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void init(Wallet w) {
        if (wallet == null) {
            wallet = w.base58();
        }
    }

    private void businessAdded(Wallet w) {
        init(w);
        businesses = Math.max(0, businesses) + 1;
        if (phase == Phase.WAITING_BUSINESS) {
            if (dueAt == null) {
                dueAt = chainNow();   // joined before we were watching: probe; "not due" tells us to wait
            }
            scheduleIfEarning();
        }
    }

    private void businessRemoved() {
        businesses = Math.max(0, businesses - 1);
        if (businesses == 0 && phase == Phase.SCHEDULED) {
            cancelAll();
            phase = Phase.WAITING_BUSINESS;
            record(null);
        }
    }

    private void scheduleIfEarning() {
        if (businesses <= 0 || dueAt == null) {
            cancelDue();
            phase = Phase.WAITING_BUSINESS;
            record(null);
            return;
        }
        phase = Phase.SCHEDULED;
        scheduleDueAtWall(chainClock.wallTimeOf(dueAt.plus(policy.grace())));
    }

    /**
     * Moves the live due deadline (same id and sequence number) or, if there is none or it cannot be moved because it
     * is executing right now, schedules a new one; the executing one will find itself stale.
     */
    private void scheduleDueAtWall(Instant wallTime) {
        Instant now = wallNow();
        Instant fireAt = wallTime.isBefore(now) ? now : wallTime;
        if (dueDeadline == null || !deadlineMover.move(dueDeadline, fireAt)) {
            cancelDue();
            dueSeq = ++lastDeadlineSeq;
            dueDeadline = Deadlines.schedule(deadlineManager, fireAt, DUE, dueSeq);
        }
        record(wallTime);
    }

    private void armWatchdog() {
        cancelWatchdog();
        watchdogSeq = ++lastDeadlineSeq;
        watchdogDeadline = Deadlines.schedule(deadlineManager, wallNow().plus(policy.confirmTimeout()), WATCHDOG, watchdogSeq);
    }

    private void cancelAll() {
        cancelDue();
        cancelWatchdog();
    }

    private void cancelDue() {
        if (dueDeadline != null) {
            Deadlines.cancel(deadlineManager, DUE, dueDeadline);
        }
        dueDeadline = null;
        dueSeq = null;
    }

    private void cancelWatchdog() {
        if (watchdogDeadline != null) {
            Deadlines.cancel(deadlineManager, WATCHDOG, watchdogDeadline);
        }
        watchdogDeadline = null;
        watchdogSeq = null;
    }

    /**
     * Whether a firing deadline is the live one of its name, not one that was replaced or cancelled while it was
     * already executing. One scheduled before deadlines carried a sequence number has no payload, and is live if
     * the saga (stored before then too) has no sequence number for it.
     */
    private static boolean isCurrent(String liveId, Long liveSeq, DeadlineMessage<?> deadline) {
        if (liveId == null) {
            return false;
        }
        Object seq = deadline.getPayload();
        return liveSeq == null ? seq == null : seq instanceof Number n && n.longValue() == liveSeq;
    }

    private void record(Instant fireAt) {
        requests.scheduled(Wallet.of(wallet), dueAt, fireAt, phase.name(), businesses);
    }

    private Instant wallNow() {
        return chainClock.wallNow();
    }

    private Instant chainNow() {
        return chainClock.chainNow();
    }

    // visible for tests and the admin API
    public Instant dueAt() {
        return dueAt;
    }

    public Phase phase() {
        return phase;
    }

    public int attempt() {
        return attempt;
    }
}
