package com.solanamafia.projections.earnings;

import com.solanamafia.projections.jooq.tables.records.EarningsDailyRecord;
import com.solanamafia.projections.jooq.tables.records.EarningsEntryRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.ColumnIndex;
import com.solanamafia.projections.support.ChangedRows;
import com.solanamafia.projections.support.ValueRow;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.earnings.EarningsClaimed;
import com.solanamafia.projections.support.Times;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.solanamafia.projections.jooq.Tables.EARNINGS_DAILY;
import static com.solanamafia.projections.jooq.Tables.EARNINGS_ENTRY;

/**
 * Earnings history, buffered: rows change in memory as {@link SqlEarningsRows} changes them. Entries are keyed by
 * event position and every event is applied once, so every entry is new (see {@link #write}).
 */
public final class BufferedEarningsHistory implements BufferedReadModel, EarningsRows {
    private static final ColumnIndex ENTRY_COLUMNS = new ColumnIndex(EARNINGS_ENTRY);
    private static final ColumnIndex DAY_COLUMNS = new ColumnIndex(EARNINGS_DAILY);
    private static final int WALLET = DAY_COLUMNS.of(EARNINGS_DAILY.WALLET);
    private static final int EARNED_ON = DAY_COLUMNS.of(EARNINGS_DAILY.EARNED_ON);
    private static final int ACCRUED = DAY_COLUMNS.of(EARNINGS_DAILY.ACCRUED_LAMPORTS);
    private static final int CLAIMED = DAY_COLUMNS.of(EARNINGS_DAILY.CLAIMED_LAMPORTS);
    private static final int ACCRUALS = DAY_COLUMNS.of(EARNINGS_DAILY.ACCRUAL_COUNT);
    private static final int CLAIMS = DAY_COLUMNS.of(EARNINGS_DAILY.CLAIM_COUNT);

    private record Day(String wallet, LocalDate day) {
    }

    private final DSLContext db;
    private final EarningsHistoryProjection handler;
    private final RowDefaults<EarningsEntryRecord> entryDefaults;
    private final RowDefaults<EarningsDailyRecord> dayDefaults;
    private final RowCache<Day, ValueRow> days;
    /** The entries added since the last write, as COPY's text (entries are only ever inserted). */
    private final StringBuilder entries = new StringBuilder();
    /** The positions of the entries added since the last write, and of those found in the table by prefetch. */
    private final Set<Long> entryPositions = new HashSet<>();
    private final ChangedRows<ValueRow> changedDays = new ChangedRows<>();

    public BufferedEarningsHistory(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new EarningsHistoryProjection(db, positions, this);
        this.entryDefaults = RowDefaults.of(db, EARNINGS_ENTRY);
        this.dayDefaults = RowDefaults.of(db, EARNINGS_DAILY);
        this.days = new RowCache<>(key -> {
            EarningsDailyRecord record = db.fetchOne(EARNINGS_DAILY,
                    EARNINGS_DAILY.WALLET.eq(key.wallet()).and(EARNINGS_DAILY.EARNED_ON.eq(key.day())));
            return record == null ? null : new ValueRow(record.intoArray());
        }, capacity);
    }

    @Override
    public boolean insertEntry(Map<Field<?>, Object> row) {
        if (!entryPositions.add((Long) row.get(EARNINGS_ENTRY.EVENT_POSITION))) {
            return false;   // delivered twice: as ON CONFLICT DO NOTHING, and its day is not added to again
        }
        Object[] values = entryDefaults.newValues();
        ENTRY_COLUMNS.set(values, row);
        BulkWrite.copyLine(entries, values);
        return true;
    }

    @Override
    public void addToDay(String wallet, LocalDate day, BigInteger accrued, BigInteger claimed, int accruals,
                         int claims) {
        Day key = new Day(wallet, day);
        ValueRow row = days.get(key);
        if (row == null) {
            row = new ValueRow(dayDefaults.newValues());
            row.values[WALLET] = wallet;
            row.values[EARNED_ON] = day;
            row.values[ACCRUED] = accrued;
            row.values[CLAIMED] = claimed;
            row.values[ACCRUALS] = accruals;
            row.values[CLAIMS] = claims;
            days.put(key, row);
        } else {
            Object[] values = row.values;
            values[ACCRUED] = ((BigInteger) values[ACCRUED]).add(accrued);
            values[CLAIMED] = ((BigInteger) values[CLAIMED]).add(claimed);
            values[ACCRUALS] = (Integer) values[ACCRUALS] + accruals;
            values[CLAIMS] = (Integer) values[CLAIMS] + claims;
        }
        changedDays.changed(row);
    }

    @Override
    public Object handler() {
        return handler;
    }

    /**
     * The day rows of the batch's accruals and claims, read in one query (wallets by days, a superset), and which of
     * its events already have their entry (delivered before: they add nothing).
     */
    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        if (!days.partial()) {
            return;
        }
        Set<Day> keys = new HashSet<>();
        List<Long> positions = new ArrayList<>();
        for (EventMessage<?> message : batch) {
            if (message instanceof TrackedEventMessage<?> tracked && (message.getPayload() instanceof EarningsAccrued
                    || message.getPayload() instanceof EarningsClaimed)) {
                positions.add(ProjectionPositions.positionOf(tracked.trackingToken()));
            }
            if (message.getPayload() instanceof EarningsAccrued accrued) {
                keys.add(new Day(accrued.wallet().base58(), EarningsHistoryProjection.day(
                        Times.utc(Times.when(accrued.fact(), null, message.getTimestamp())))));
            } else if (message.getPayload() instanceof EarningsClaimed claimed) {
                keys.add(new Day(claimed.wallet().base58(), EarningsHistoryProjection.day(
                        Times.utc(Times.when(claimed.fact(), claimed.claimedAt(), message.getTimestamp())))));
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        entryPositions.addAll(db.select(EARNINGS_ENTRY.EVENT_POSITION).from(EARNINGS_ENTRY)
                .where(EARNINGS_ENTRY.EVENT_POSITION.eq(DSL.any(positions.toArray(Long[]::new))))
                .fetch(EARNINGS_ENTRY.EVENT_POSITION));
        Map<Day, ValueRow> found = new HashMap<>();
        db.selectFrom(EARNINGS_DAILY)
                .where(EARNINGS_DAILY.WALLET.eq(DSL.any(keys.stream().map(Day::wallet).distinct().toArray(String[]::new))))
                .and(EARNINGS_DAILY.EARNED_ON.eq(DSL.any(keys.stream().map(Day::day).distinct().toArray(LocalDate[]::new))))
                .forEach(row -> found.put(new Day(row.getWallet(), row.getEarnedOn()),
                        new ValueRow(row.intoArray())));
        days.preload(keys, found);
    }

    @Override
    public void writeSome() {
        writeEntries();
        if (days.full()) {
            write();
        }
    }

    @Override
    public void write() {
        writeEntries();
        BulkWrite.upsertValues(db, EARNINGS_DAILY, changedDays.take(row -> row.values), days);
        days.trim();
    }

    /**
     * COPY: entries are keyed by event position and each is applied once, so all are new. One that exists (an event
     * applied again) fails the batch, which is then applied by the plain handler: it adds to its day only when the
     * entry row was new.
     */
    private void writeEntries() {
        BulkWrite.copy(db, EARNINGS_ENTRY, entries);
        entries.setLength(0);
        entryPositions.clear();
    }

    @Override
    public void discard() {
        entries.setLength(0);
        entryPositions.clear();
        changedDays.clear();
        days.clear();
    }
}
