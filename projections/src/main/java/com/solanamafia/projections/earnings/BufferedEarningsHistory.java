package com.solanamafia.projections.earnings;

import com.solanamafia.projections.jooq.tables.records.EarningsDailyRecord;
import com.solanamafia.projections.jooq.tables.records.EarningsEntryRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RecordValues;
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
import java.util.LinkedHashMap;
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
    private record Day(String wallet, LocalDate day) {
    }

    private final DSLContext db;
    private final EarningsHistoryProjection handler;
    private final RowDefaults<EarningsEntryRecord> entryDefaults;
    private final RowDefaults<EarningsDailyRecord> dayDefaults;
    private final RowCache<Day, EarningsDailyRecord> days;
    private final List<EarningsEntryRecord> entries = new ArrayList<>();
    /** The positions of the entries added since the last write, and of those found in the table by prefetch. */
    private final Set<Long> entryPositions = new HashSet<>();
    private final Map<Day, EarningsDailyRecord> changedDays = new LinkedHashMap<>();

    public BufferedEarningsHistory(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new EarningsHistoryProjection(db, positions, this);
        this.entryDefaults = RowDefaults.of(db, EARNINGS_ENTRY);
        this.dayDefaults = RowDefaults.of(db, EARNINGS_DAILY);
        this.days = new RowCache<>(key -> db.fetchOne(EARNINGS_DAILY,
                EARNINGS_DAILY.WALLET.eq(key.wallet()).and(EARNINGS_DAILY.EARNED_ON.eq(key.day()))), capacity);
    }

    @Override
    public boolean insertEntry(Map<Field<?>, Object> row) {
        if (!entryPositions.add((Long) row.get(EARNINGS_ENTRY.EVENT_POSITION))) {
            return false;   // delivered twice: as ON CONFLICT DO NOTHING, and its day is not added to again
        }
        EarningsEntryRecord entry = entryDefaults.newRecord();
        RecordValues.setAll(entry, row);
        entries.add(entry);
        return true;
    }

    @Override
    public void addToDay(String wallet, LocalDate day, BigInteger accrued, BigInteger claimed, int accruals,
                         int claims) {
        Day key = new Day(wallet, day);
        EarningsDailyRecord row = days.get(key);
        if (row == null) {
            row = dayDefaults.newRecord();
            row.setWallet(wallet);
            row.setEarnedOn(day);
            row.setAccruedLamports(accrued);
            row.setClaimedLamports(claimed);
            row.setAccrualCount(accruals);
            row.setClaimCount(claims);
            days.put(key, row);
        } else {
            row.setAccruedLamports(row.getAccruedLamports().add(accrued));
            row.setClaimedLamports(row.getClaimedLamports().add(claimed));
            row.setAccrualCount(row.getAccrualCount() + accruals);
            row.setClaimCount(row.getClaimCount() + claims);
        }
        changedDays.put(key, row);
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
        Map<Day, EarningsDailyRecord> found = new HashMap<>();
        db.selectFrom(EARNINGS_DAILY)
                .where(EARNINGS_DAILY.WALLET.eq(DSL.any(keys.stream().map(Day::wallet).distinct().toArray(String[]::new))))
                .and(EARNINGS_DAILY.EARNED_ON.eq(DSL.any(keys.stream().map(Day::day).distinct().toArray(LocalDate[]::new))))
                .forEach(row -> found.put(new Day(row.getWallet(), row.getEarnedOn()), row));
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
        BulkWrite.upsert(db, EARNINGS_DAILY, changedDays.values(), days);
        changedDays.clear();
        days.trim();
    }

    /**
     * COPY: entries are keyed by event position and each is applied once, so all are new. One that exists (an event
     * applied again) fails the batch, which is then applied by the plain handler: it adds to its day only when the
     * entry row was new.
     */
    private void writeEntries() {
        BulkWrite.copy(db, EARNINGS_ENTRY, entries);
        entries.clear();
        entryPositions.clear();
    }

    @Override
    public void discard() {
        entries.clear();
        entryPositions.clear();
        changedDays.clear();
        days.clear();
    }
}
