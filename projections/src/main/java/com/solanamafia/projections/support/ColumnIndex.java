package com.solanamafia.projections.support;

import org.jooq.Field;
import org.jooq.Table;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each column of a table is in its rows held as arrays of values ({@link Table#fields()} order), found by the
 * column's identity: jOOQ's own lookup compares names, which cost a replay more than the change it looked up for.
 */
public final class ColumnIndex {
    private final Table<?> table;
    private final Map<Field<?>, Integer> index = new IdentityHashMap<>();

    public ColumnIndex(Table<?> table) {
        this.table = table;
        Field<?>[] fields = table.fields();
        for (int i = 0; i < fields.length; i++) {
            index.put(fields[i], i);
        }
    }

    /** Sets each of {@code values}' columns in {@code row} to its value. */
    public void set(Object[] row, Map<Field<?>, Object> values) {
        values.forEach((column, value) -> row[of(column)] = value);
    }

    public int of(Field<?> column) {
        Integer at = index.get(column);
        if (at != null) {
            return at;
        }
        int found = table.indexOf(column);
        if (found < 0) {
            throw new IllegalArgumentException(column + " is not a column of " + table);
        }
        return found;
    }
}
