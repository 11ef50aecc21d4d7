package com.solanamafia.projections.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a buffered read model's rows changed since its last write, for rows held as arrays of values in the order
 * of their table's columns ({@link ColumnIndex}, {@link RowDefaults#newValues}, {@link BulkWrite#upsertValues}): a
 * row every event changes is listed once, not put again in a map per event.
 */
public final class ValueRows {
    /** A row held in memory. */
    public static final class Row {
        public final Object[] values;
        private boolean changed;

        public Row(Object[] values) {
            this.values = values;
        }
    }

    private final List<Row> changed = new ArrayList<>();

    public void changed(Row row) {
        if (!row.changed) {
            row.changed = true;
            changed.add(row);
        }
    }

    /** The values of the rows changed since the last call (each once); they count as unchanged from now on. */
    public List<Object[]> takeChanged() {
        List<Object[]> values = new ArrayList<>(changed.size());
        for (Row row : changed) {
            values.add(row.values);
            row.changed = false;
        }
        changed.clear();
        return values;
    }

    /** Forgets which rows changed (their owner drops them too). */
    public void clear() {
        changed.clear();
    }
}
