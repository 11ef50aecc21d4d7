package com.solanamafia.projections.business;

import org.jooq.Field;

import java.math.BigInteger;
import java.util.Map;

/** Where the slot rows are read and changed: in the table (live) or in memory (a replay's batch). */
interface BusinessSlots {
    /** An update value: the column's current value (null as zero) plus {@code by}. */
    record Increase(BigInteger by) {
    }

    /**
     * Creates the (wallet, slot) row with {@code insert}, or sets {@code update} on the existing row, unless it
     * already reflects {@code position} or a later event.
     */
    void upsert(String wallet, int slotIndex, long position, Map<Field<?>, Object> insert,
                Map<Field<?>, Object> update);

    /** Sets {@code cleared} on the wallet's rows that hold {@code mint}, unless they reflect {@code position}. */
    void clearSlotsHolding(String wallet, String mint, Map<Field<?>, Object> cleared, long position);
}
