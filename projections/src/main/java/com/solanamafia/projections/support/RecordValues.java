package com.solanamafia.projections.support;

import org.jooq.Field;
import org.jooq.Record;

import java.util.Map;

/** Sets record values from the column-to-value maps the read models build their INSERT statements from. */
public final class RecordValues {
    private RecordValues() {
    }

    @SuppressWarnings("unchecked")
    public static void set(Record record, Field<?> field, Object value) {
        record.set((Field<Object>) field, value);
    }

    public static void setAll(Record record, Map<Field<?>, Object> values) {
        values.forEach((field, value) -> set(record, field, value));
    }
}
