package com.solanamafia.projections.earnings;

import com.solanamafia.projections.jooq.tables.records.EarningsDailyRecord;
import com.solanamafia.projections.jooq.tables.records.EarningsEntryRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RecordValues;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.EARNINGS_DAILY;
import static com.solanamafia.projections.jooq.Tables.EARNINGS_ENTRY;

/**
 * Earnings history for a replay: rows change in memory as {@link SqlEarningsRows} changes them. Entries are keyed
 * by event position and a replay applies each event once, so every entry is new (still written ON CONFLICT DO
 * NOTHING).
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

    @Override
    public void write() {
        BulkWrite.insertNew(db, EARNINGS_ENTRY, entries);
        BulkWrite.upsert(db, EARNINGS_DAILY, changedDays.values());
        entries.clear();
        changedDays.clear();
        days.trim();
    }

    @Override
    public void discard() {
        entries.clear();
        changedDays.clear();
        days.clear();
    }
}
