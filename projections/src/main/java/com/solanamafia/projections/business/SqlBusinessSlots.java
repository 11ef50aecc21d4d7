package com.solanamafia.projections.business;

import com.solanamafia.projections.support.Times;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.BUSINESS_SLOT;

/** The slot rows in the table: one guarded statement per change. */
final class SqlBusinessSlots implements BusinessSlots {
    private final DSLContext db;

    SqlBusinessSlots(DSLContext db) {
        this.db = db;
    }

    @Override
    public void upsert(String wallet, int slotIndex, long position, Map<Field<?>, Object> insert,
                       Map<Field<?>, Object> update) {
        OffsetDateTime now = Times.now();
        Map<Field<?>, Object> row = new LinkedHashMap<>(insert);
        row.put(BUSINESS_SLOT.WALLET, wallet);
        row.put(BUSINESS_SLOT.SLOT_INDEX, slotIndex);
        row.put(BUSINESS_SLOT.EVENT_POSITION, position);
        row.put(BUSINESS_SLOT.UPDATED_AT, now);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        update.forEach((field, value) -> changes.put(field, value instanceof Increase increase
                ? DSL.coalesce(BUSINESS_SLOT.INVESTED_LAMPORTS, BigInteger.ZERO).plus(increase.by()) : value));
        changes.put(BUSINESS_SLOT.EVENT_POSITION, position);
        changes.put(BUSINESS_SLOT.UPDATED_AT, now);
        db.insertInto(BUSINESS_SLOT).set(row)
                .onConflict(BUSINESS_SLOT.WALLET, BUSINESS_SLOT.SLOT_INDEX).doUpdate().set(changes)
                .where(BUSINESS_SLOT.EVENT_POSITION.lt(position))
                .execute();
    }

    @Override
    public void clearSlotsHolding(String wallet, String mint, Map<Field<?>, Object> cleared, long position) {
        db.update(BUSINESS_SLOT).set(cleared)
                .set(BUSINESS_SLOT.EVENT_POSITION, position)
                .set(BUSINESS_SLOT.UPDATED_AT, Times.now())
                .where(BUSINESS_SLOT.WALLET.eq(wallet))
                .and(BUSINESS_SLOT.NFT_MINT.eq(mint))
                .and(BUSINESS_SLOT.EVENT_POSITION.lt(position))
                .execute();
    }
}
