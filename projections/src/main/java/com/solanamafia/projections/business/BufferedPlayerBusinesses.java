package com.solanamafia.projections.business;

import com.solanamafia.projections.jooq.tables.records.BusinessSlotRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RecordValues;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.projections.support.Times;
import com.solanamafia.projections.support.BatchWallets;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.solanamafia.projections.jooq.Tables.BUSINESS_SLOT;

/** Player businesses, buffered: each wallet's slots change in memory as {@link SqlBusinessSlots} changes them. */
public final class BufferedPlayerBusinesses implements BufferedReadModel, BusinessSlots {
    private final DSLContext db;
    private final PlayerBusinessesProjection handler;
    private final RowDefaults<BusinessSlotRecord> defaults;
    private final RowCache<String, TreeMap<Integer, BusinessSlotRecord>> wallets;
    private final Set<BusinessSlotRecord> changed = Collections.newSetFromMap(new IdentityHashMap<>());

    public BufferedPlayerBusinesses(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new PlayerBusinessesProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, BUSINESS_SLOT);
        this.wallets = new RowCache<>(wallet -> {
            TreeMap<Integer, BusinessSlotRecord> slots = new TreeMap<>();
            db.selectFrom(BUSINESS_SLOT).where(BUSINESS_SLOT.WALLET.eq(wallet))
                    .forEach(row -> slots.put(row.getSlotIndex(), row));
            return slots;
        }, capacity);
    }

    private TreeMap<Integer, BusinessSlotRecord> slots(String wallet) {
        TreeMap<Integer, BusinessSlotRecord> slots = wallets.get(wallet);
        if (slots == null) {
            slots = new TreeMap<>();
            wallets.put(wallet, slots);
        }
        return slots;
    }

    @Override
    public void upsert(String wallet, int slotIndex, long position, Map<Field<?>, Object> insert,
                       Map<Field<?>, Object> update) {
        TreeMap<Integer, BusinessSlotRecord> slots = slots(wallet);
        BusinessSlotRecord row = slots.get(slotIndex);
        if (row == null) {
            row = defaults.newRecord();
            RecordValues.setAll(row, insert);
            row.setWallet(wallet);
            row.setSlotIndex(slotIndex);
            slots.put(slotIndex, row);
        } else if (row.getEventPosition() < position) {
            for (Map.Entry<Field<?>, Object> change : update.entrySet()) {
                if (change.getValue() instanceof Increase increase) {
                    BigInteger invested = row.getInvestedLamports();
                    row.setInvestedLamports((invested == null ? BigInteger.ZERO : invested).add(increase.by()));
                } else {
                    RecordValues.set(row, change.getKey(), change.getValue());
                }
            }
        } else {
            return;
        }
        changed(row, position);
    }

    @Override
    public void clearSlotsHolding(String wallet, String mint, Map<Field<?>, Object> cleared, long position) {
        for (BusinessSlotRecord row : slots(wallet).values()) {
            if (mint.equals(row.getNftMint()) && row.getEventPosition() < position) {
                RecordValues.setAll(row, cleared);
                changed(row, position);
            }
        }
    }

    private void changed(BusinessSlotRecord row, long position) {
        row.setEventPosition(position);
        row.setUpdatedAt(Times.now());
        changed.add(row);
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
        Map<String, TreeMap<Integer, BusinessSlotRecord>> found = new HashMap<>();
        for (String wallet : keys) {
            found.put(wallet, new TreeMap<>());   // a wallet without slots holds an empty map, as the loader gives
        }
        db.selectFrom(BUSINESS_SLOT).where(BUSINESS_SLOT.WALLET.eq(DSL.any(BatchWallets.array(keys))))
                .forEach(row -> found.get(row.getWallet()).put(row.getSlotIndex(), row));
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
        BulkWrite.upsert(db, BUSINESS_SLOT, changed, wallets);
        changed.clear();
        wallets.trim();
    }

    @Override
    public void discard() {
        changed.clear();
        wallets.clear();
    }
}
