package com.solanamafia.projections.earnings;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.EARNINGS_DAILY;
import static com.solanamafia.projections.jooq.Tables.EARNINGS_ENTRY;

/**
 * Every accrual (EarningsUpdated) and claim, one row each keyed by event position, and their sums per player and
 * UTC day (by block time). A day's sums only grow when the entry row was new, so a redelivery adds nothing.
 */
@Component
@ProcessingGroup(EarningsHistoryProjection.NAME)
public class EarningsHistoryProjection {
    public static final String NAME = "earnings-history";
    public static final String ACCRUAL = "ACCRUAL";
    public static final String CLAIM = "CLAIM";

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final EarningsRows rows;

    @Autowired
    public EarningsHistoryProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, new SqlEarningsRows(db));
    }

    EarningsHistoryProjection(DSLContext db, ProjectionPositions positions, EarningsRows rows) {
        this.db = db;
        this.positions = positions;
        this.rows = rows;
    }

    @EventHandler
    void on(EarningsAccrued event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime at = Times.utc(Times.when(event.fact(), null, recordedAt));
        boolean added = entry(position, event.wallet(), ACCRUAL, event.earningsAdded().value(),
                event.totalPending().value(), event.businessesCount(), Times.utc(event.nextEarningsAt()), at,
                event.fact());
        if (added) {
            day(event.wallet(), at, event.earningsAdded().value(), BigInteger.ZERO, 1, 0);
        }
        positions.record(NAME, position);
    }

    @EventHandler
    void on(EarningsClaimed event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime at = Times.utc(Times.when(event.fact(), event.claimedAt(), recordedAt));
        boolean added = entry(position, event.wallet(), CLAIM, event.amount().value(), null, null, null, at,
                event.fact());
        if (added) {
            day(event.wallet(), at, BigInteger.ZERO, event.amount().value(), 0, 1);
        }
        positions.record(NAME, position);
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
        db.deleteFrom(EARNINGS_ENTRY).execute();
        db.deleteFrom(EARNINGS_DAILY).execute();
        positions.forget(NAME);
    }

    private boolean entry(long position, Wallet wallet, String kind, BigInteger amount, BigInteger totalPending,
                          Integer businesses, OffsetDateTime nextAt, OffsetDateTime at, ChainFact fact) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(EARNINGS_ENTRY.EVENT_POSITION, position);
        row.put(EARNINGS_ENTRY.WALLET, wallet.base58());
        row.put(EARNINGS_ENTRY.KIND, kind);
        row.put(EARNINGS_ENTRY.AMOUNT_LAMPORTS, amount);
        row.put(EARNINGS_ENTRY.TOTAL_PENDING_LAMPORTS, totalPending);
        row.put(EARNINGS_ENTRY.BUSINESSES_COUNT, businesses);
        row.put(EARNINGS_ENTRY.NEXT_EARNINGS_AT, nextAt);
        row.put(EARNINGS_ENTRY.OCCURRED_AT, at);
        row.put(EARNINGS_ENTRY.EARNED_ON, day(at));
        row.put(EARNINGS_ENTRY.SIGNATURE, fact.position().signature());
        row.put(EARNINGS_ENTRY.SLOT, fact.slot());
        return rows.insertEntry(row);
    }

    private void day(Wallet wallet, OffsetDateTime at, BigInteger accrued, BigInteger claimed, int accruals,
                     int claims) {
        rows.addToDay(wallet.base58(), day(at), accrued, claimed, accruals, claims);
    }

    static LocalDate day(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
