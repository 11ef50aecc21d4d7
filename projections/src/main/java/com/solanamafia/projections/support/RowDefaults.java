package com.solanamafia.projections.support;

import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** New records of a table carrying its columns' default values (as an INSERT that names no other column would). */
public final class RowDefaults<R extends TableRecord<R>> {
    private final Constructor<? extends R> constructor;
    private final Map<Field<?>, Object> defaults;
    private final Configuration configuration;
    /** Every column's default in the table's column order (looking a jOOQ field up in a map hashes its name). */
    private final Object[] defaultValues;

    private RowDefaults(Table<R> table, Map<Field<?>, Object> defaults, Configuration configuration) {
        try {
            // the generated record's own constructor: Table.newRecord() builds a jOOQ Configuration for every record
            this.constructor = table.getRecordType().getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no record constructor for " + table, e);
        }
        this.defaults = defaults;
        this.configuration = configuration;
        Field<?>[] fields = table.fields();
        this.defaultValues = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            defaultValues[i] = defaults.get(fields[i]);
        }
    }

    /** Evaluates the column defaults once, in the database. */
    public static <R extends TableRecord<R>> RowDefaults<R> of(DSLContext db, Table<R> table) {
        List<Field<?>> defaulted = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            if (field.getDataType().defaulted()) {
                defaulted.add(field);
            }
        }
        Map<Field<?>, Object> defaults = new LinkedHashMap<>();
        if (!defaulted.isEmpty()) {
            List<Field<?>> values = defaulted.stream()
                    .<Field<?>>map(f -> DSL.cast(f.getDataType().defaultValue(), f.getDataType()).as(f.getName()))
                    .toList();
            org.jooq.Record row = db.select(values).fetchOne();
            for (Field<?> field : defaulted) {
                defaults.put(field, row.get(field.getName(), field.getType()));
            }
        }
        return new RowDefaults<>(table, defaults, db.configuration());
    }

    /** The column's default value (null when it has none). */
    public Object value(Field<?> field) {
        return defaults.get(field);
    }

    /** A new row as an array of values in the order of the table's columns, each its default (or null). */
    public Object[] newValues() {
        return defaultValues.clone();
    }

    public R newRecord() {
        R record;
        try {
            record = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + constructor.getDeclaringClass().getSimpleName(), e);
        }
        record.attach(configuration);   // a detached record builds a Configuration for every value it converts
        RecordValues.setAll(record, defaults);
        return record;
    }
}
