package com.solanamafia.projections.player;

import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.api.referral.ReferralBonusCredited;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.projections.jooq.tables.records.PlayerRecord;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.ColumnIndex;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.PLAYER;

/**
 * One row per player: the summary dashboards show first. A row appears with the first event about the wallet (at
 * HEAD a player can register implicitly through create_business, without PlayerCreated). Every change is an upsert
 * guarded by the row's {@code event_position}, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(PlayerSummaryProjection.NAME)
public class PlayerSummaryProjection {
    public static final String NAME = "player-summary";

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final PlayerRows rows;

    @Autowired
    public PlayerSummaryProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, new SqlPlayerRows(db));
    }

    PlayerSummaryProjection(DSLContext db, ProjectionPositions positions, PlayerRows rows) {
        this.db = db;
        this.positions = positions;
        this.rows = rows;
    }

    @EventHandler
    void on(PlayerJoined event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes()
                .set(PLAYER.HAS_JOINED, true)
                .set(PLAYER.JOINED_AT, Times.utc(event.joinedAt()))
                .set(PLAYER.ENTRY_FEE_LAMPORTS, event.entryFee().value())
                .set(PLAYER.NEXT_EARNINGS_AT, Times.utc(event.nextEarningsAt()))
                .set(PLAYER.JOINED_SLOT, event.fact().slot())
                .set(PLAYER.JOINED_SIGNATURE, event.fact().position().signature());
        apply(event.wallet(), event.fact(), event.joinedAtRaw(), token, recordedAt, changes);
    }

    @EventHandler
    void on(BusinessPurchased event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes()
                .add(PLAYER.TOTAL_INVESTED_LAMPORTS, event.baseCost())
                .add(PLAYER.LIFETIME_INVESTED_LAMPORTS, event.baseCost())
                .add(PLAYER.TOTAL_SLOT_SPENT_LAMPORTS, event.slotCost())
                .add(PLAYER.ACTIVE_BUSINESS_COUNT, 1);
        apply(event.wallet(), event.fact(), event.createdAt(), token, recordedAt, changes);
    }

    @EventHandler
    void on(BusinessUpgraded event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes()
                .add(PLAYER.TOTAL_INVESTED_LAMPORTS, event.upgradeCost())
                .add(PLAYER.LIFETIME_INVESTED_LAMPORTS, event.upgradeCost());
        apply(event.wallet(), event.fact(), event.upgradedAt(), token, recordedAt, changes);
    }

    @EventHandler
    void on(BusinessSold event, TrackingToken token, @Timestamp Instant recordedAt) {
        // HEAD lowers Player.total_invested by the business value on sell; the legacy event names no value.
        Changes changes = new Changes()
                .subtract(PLAYER.TOTAL_INVESTED_LAMPORTS, event.totalInvested())
                .add(PLAYER.TOTAL_SELL_RETURNS_LAMPORTS, event.returnAmount())
                .subtract(PLAYER.ACTIVE_BUSINESS_COUNT, 1);
        apply(event.wallet(), event.fact(), event.soldAt(), token, recordedAt, changes);
    }

    @EventHandler
    void on(BusinessDeactivated event, TrackingToken token, @Timestamp Instant recordedAt) {
        apply(event.wallet(), event.fact(), event.deactivatedAt(), token, recordedAt,
                new Changes().subtract(PLAYER.ACTIVE_BUSINESS_COUNT, 1));
    }

    @EventHandler
    void on(EarningsAccrued event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes()
                .set(PLAYER.PENDING_EARNINGS_LAMPORTS, event.totalPending().value())
                .add(PLAYER.TOTAL_EARNINGS_ACCRUED_LAMPORTS, event.earningsAdded());
        if (event.nextEarningsAt() != null && event.nextEarningsAt().instant() != null) {
            changes.set(PLAYER.NEXT_EARNINGS_AT, Times.utc(event.nextEarningsAt()));
        }
        apply(event.wallet(), event.fact(), null, token, recordedAt, changes);
    }

    @EventHandler
    void on(EarningsClaimed event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes()
                .set(PLAYER.PENDING_EARNINGS_LAMPORTS, BigInteger.ZERO)
                .add(PLAYER.TOTAL_CLAIMED_LAMPORTS, event.amount());
        apply(event.wallet(), event.fact(), event.claimedAt(), token, recordedAt, changes);
    }

    @EventHandler
    void on(ReferralBonusCredited event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes()
                .add(PLAYER.REFERRAL_BONUS_LAMPORTS, event.amount())
                .add(PLAYER.REFERRAL_BONUS_COUNT, 1);
        apply(event.wallet(), event.fact(), event.creditedAt(), token, recordedAt, changes);
    }

    @EventHandler
    void on(SlotUnlocked event, TrackingToken token, @Timestamp Instant recordedAt) {
        apply(event.wallet(), event.fact(), event.unlockedAt(), token, recordedAt,
                new Changes().add(PLAYER.TOTAL_SLOT_SPENT_LAMPORTS, event.unlockCost()));
    }

    @EventHandler
    void on(PremiumSlotPurchased event, TrackingToken token, @Timestamp Instant recordedAt) {
        apply(event.wallet(), event.fact(), event.purchasedAt(), token, recordedAt,
                new Changes().add(PLAYER.TOTAL_SLOT_SPENT_LAMPORTS, event.cost()));
    }

    /** sync_business_ownership, old owner: one business fewer, if a slot we know held it. Totals stay (§1.6). */
    @EventHandler
    void on(BusinessHandedOver event, TrackingToken token, @Timestamp Instant recordedAt) {
        Changes changes = new Changes();
        if (event.slotIndex() != null) {
            changes.subtract(PLAYER.ACTIVE_BUSINESS_COUNT, 1);
        }
        apply(event.wallet(), event.fact(), event.transferredAt(), token, recordedAt, changes);
    }

    /** sync_business_ownership, new owner: one business more (the chain placed it, even where we know no slot). */
    @EventHandler
    void on(BusinessTakenOver event, TrackingToken token, @Timestamp Instant recordedAt) {
        apply(event.wallet(), event.fact(), event.transferredAt(), token, recordedAt,
                new Changes().add(PLAYER.ACTIVE_BUSINESS_COUNT, 1));
    }

    /**
     * Any other event: nothing to change, but the read model has now seen this position, so a client waiting for
     * its own write (X-Read-Model-Position) is not kept waiting by events this read model ignores.
     */
    @EventHandler
    void on(Object other, TrackingToken token) {
        positions.record(NAME, ProjectionPositions.positionOf(token));
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(PLAYER).execute();
        positions.forget(NAME);
    }

    private void apply(Wallet wallet, ChainFact fact, UnixTime programTime, TrackingToken token, Instant recordedAt,
                       Changes changes) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime activityAt = Times.utc(Times.when(fact, programTime, recordedAt));
        rows.upsert(wallet.base58(), position, activityAt, changes);
        positions.record(NAME, position);
    }

    /**
     * The column changes of one event: what a new row gets, and how an existing row changes (a value set, an amount
     * added, or an amount subtracted with a floor of zero), made in SQL ({@link #sqlUpdates}) or to a record in
     * memory ({@link #applyTo}, a replay's buffered rows).
     */
    static final class Changes {
        enum Kind { SET, ADD, SUBTRACT }

        record Change(Field<?> column, Kind kind, Object value) {
        }

        final Map<Field<?>, Object> inserts = new LinkedHashMap<>();
        final Map<Field<?>, Change> updates = new LinkedHashMap<>();

        <T> Changes set(TableField<PlayerRecord, T> column, T value) {
            inserts.put(column, value);
            updates.put(column, new Change(column, Kind.SET, value));
            return this;
        }

        Changes add(TableField<PlayerRecord, BigInteger> column, Lamports amount) {
            if (amount != null) {
                inserts.put(column, amount.value());
                updates.put(column, new Change(column, Kind.ADD, amount.value()));
            }
            return this;
        }

        Changes subtract(TableField<PlayerRecord, BigInteger> column, Lamports amount) {
            if (amount != null) {
                updates.put(column, new Change(column, Kind.SUBTRACT, amount.value()));
            }
            return this;
        }

        Changes add(TableField<PlayerRecord, Integer> column, int count) {
            inserts.put(column, Math.max(0, count));
            updates.put(column, new Change(column, Kind.ADD, count));
            return this;
        }

        Changes subtract(TableField<PlayerRecord, Integer> column, int count) {
            updates.put(column, new Change(column, Kind.SUBTRACT, count));
            return this;
        }

        /** The changes of an existing row as SQL: {@code c = v}, {@code c + v}, {@code greatest(c - v, 0)}. */
        @SuppressWarnings("unchecked")
        Map<Field<?>, Object> sqlUpdates() {
            Map<Field<?>, Object> sql = new LinkedHashMap<>();
            for (Change change : updates.values()) {
                Field<Object> column = (Field<Object>) change.column();
                Number amount = change.value() instanceof Number n ? n : null;
                Object zero = change.value() instanceof BigInteger ? BigInteger.ZERO : 0;
                sql.put(column, switch (change.kind()) {
                    case SET -> change.value();
                    case ADD -> column.plus(amount);
                    case SUBTRACT -> DSL.greatest(column.minus(amount), DSL.val(zero));
                });
            }
            return sql;
        }

        /** The insert values set in a new row held in memory (an array of values, {@code columns} order). */
        void insertInto(Object[] row, ColumnIndex columns) {
            columns.set(row, inserts);
        }

        /** The same changes made to an existing row held in memory. */
        void applyTo(Object[] row, ColumnIndex columns) {
            for (Change change : updates.values()) {
                int at = columns.of(change.column());
                Object current = row[at];
                row[at] = switch (change.kind()) {
                    case SET -> change.value();
                    case ADD -> current instanceof BigInteger amount ? amount.add((BigInteger) change.value())
                            : (Integer) current + (Integer) change.value();
                    case SUBTRACT -> current instanceof BigInteger amount
                            ? amount.subtract((BigInteger) change.value()).max(BigInteger.ZERO)
                            : Math.max((Integer) current - (Integer) change.value(), 0);
                };
            }
        }
    }
}
