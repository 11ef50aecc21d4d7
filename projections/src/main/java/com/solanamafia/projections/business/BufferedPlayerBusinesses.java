package com.solanamafia.projections.business;

import com.solanamafia.projections.jooq.tables.records.BusinessSlotRecord;
import com.solanamafia.projections.support.BatchWallets;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ColumnIndex;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.projections.support.Times;
import com.solanamafia.projections.support.ChangedRows;
import com.solanamafia.projections.support.ValueRow;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.solanamafia.projections.jooq.Tables.BUSINESS_SLOT;

/**
 * Player businesses, buffered: each wallet's slots change in memory as {@link SqlBusinessSlots} changes them. A slot
 * row is held as its values in the table's column order (no jOOQ record per slot).
 */
public final class BufferedPlayerBusinesses implements BufferedReadModel, BusinessSlots {
    private static final ColumnIndex COLUMNS = new ColumnIndex(BUSINESS_SLOT);
    private static final int WALLET = COLUMNS.of(BUSINESS_SLOT.WALLET);
    private static final int SLOT_INDEX = COLUMNS.of(BUSINESS_SLOT.SLOT_INDEX);
    private static final int INVESTED = COLUMNS.of(BUSINESS_SLOT.INVESTED_LAMPORTS);
    private static final int NFT_MINT = COLUMNS.of(BUSINESS_SLOT.NFT_MINT);
    private static final int EVENT_POSITION = COLUMNS.of(BUSINESS_SLOT.EVENT_POSITION);
    private static final int UPDATED_AT = COLUMNS.of(BUSINESS_SLOT.UPDATED_AT);

    private final DSLContext db;
    private final PlayerBusinessesProjection handler;
    private final RowDefaults<BusinessSlotRecord> defaults;
    private final RowCache<String, TreeMap<Integer, ValueRow>> wallets;
    private final ChangedRows<ValueRow> changed = new ChangedRows<>();

    public BufferedPlayerBusinesses(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new PlayerBusinessesProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, BUSINESS_SLOT);
        this.wallets = new RowCache<>(wallet -> {
            TreeMap<Integer, ValueRow> slots = new TreeMap<>();
            db.selectFrom(BUSINESS_SLOT).where(BUSINESS_SLOT.WALLET.eq(wallet))
                    .forEach(row -> slots.put(row.getSlotIndex(), new ValueRow(row.intoArray())));
            return slots;
        }, capacity);
    }

    private TreeMap<Integer, ValueRow> slots(String wallet) {
        TreeMap<Integer, ValueRow> slots = wallets.get(wallet);
        if (slots == null) {
            slots = new TreeMap<>();
            wallets.put(wallet, slots);
        }
        return slots;
    }

    @Override
    public void upsert(String wallet, int slotIndex, long position, Map<Field<?>, Object> insert,
                       Map<Field<?>, Object> update) {
        TreeMap<Integer, ValueRow> slots = slots(wallet);
        ValueRow row = slots.get(slotIndex);
        if (row == null) {
            row = new ValueRow(defaults.newValues());
            COLUMNS.set(row.values, insert);
            row.values[WALLET] = wallet;
            row.values[SLOT_INDEX] = slotIndex;
            slots.put(slotIndex, row);
        } else if (position(row) < position) {
            for (Map.Entry<Field<?>, Object> change : update.entrySet()) {
                if (change.getValue() instanceof Increase increase) {
                    BigInteger invested = (BigInteger) row.values[INVESTED];
                    row.values[INVESTED] = (invested == null ? BigInteger.ZERO : invested).add(increase.by());
                } else {
                    row.values[COLUMNS.of(change.getKey())] = change.getValue();
                }
            }
        } else {
            return;
        }
        changed(row, position);
    }

    @Override
    public void clearSlotsHolding(String wallet, String mint, Map<Field<?>, Object> cleared, long position) {
        for (ValueRow row : slots(wallet).values()) {
            if (mint.equals(row.values[NFT_MINT]) && position(row) < position) {
                COLUMNS.set(row.values, cleared);
                changed(row, position);
            }
        }
    }

    private void changed(ValueRow row, long position) {
        row.values[EVENT_POSITION] = position;
        row.values[UPDATED_AT] = Times.now();
        changed.changed(row);
    }

    private static long position(ValueRow row) {
        return (Long) row.values[EVENT_POSITION];
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        if (!wallets.partial()) {
            return;
        }
        Set<String> keys = BatchWallets.of(batch);
        Map<String, TreeMap<Integer, ValueRow>> found = new HashMap<>();
        for (String wallet : keys) {
            found.put(wallet, new TreeMap<>());   // a wallet without slots holds an empty map, as the loader gives
        }
        db.selectFrom(BUSINESS_SLOT).where(BUSINESS_SLOT.WALLET.eq(DSL.any(BatchWallets.array(keys))))
                .forEach(row -> found.get(row.getWallet()).put(row.getSlotIndex(), new ValueRow(row.intoArray())));
        wallets.preload(keys, found);
    }

    @Override
    public void writeSome() {
        if (wallets.full()) {
            write();
        }
    }

    @Override
    public void write() {
        BulkWrite.upsertValues(db, BUSINESS_SLOT, changed.take(row -> row.values), wallets);
        wallets.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        wallets.clear();
    }
}
