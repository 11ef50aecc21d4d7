package com.solanamafia.projections.support;

/**
 * A row held in memory as its values in the order of its table's columns ({@link ColumnIndex},
 * {@link RowDefaults#newValues}, written by {@link BulkWrite#upsertValues}).
 */
public final class ValueRow extends ChangedRows.Held {
    public final Object[] values;

    public ValueRow(Object[] values) {
        this.values = values;
    }
}
