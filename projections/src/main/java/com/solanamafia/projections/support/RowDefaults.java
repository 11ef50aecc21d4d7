package com.solanamafia.projections.support;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/** New records of a table carrying its columns' default values (as an INSERT that names no other column would). */
public final class RowDefaults<R extends TableRecord<R>> {
    private final Table<R> table;
    private final R template;

    private RowDefaults(Table<R> table, R template) {
        this.table = table;
        this.template = template;
    }

    /** Evaluates the column defaults once, in the database. */
    public static <R extends TableRecord<R>> RowDefaults<R> of(DSLContext db, Table<R> table) {
        List<Field<?>> defaulted = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            if (field.getDataType().defaulted()) {
                defaulted.add(field);
            }
        }
        R template = table.newRecord();
        if (!defaulted.isEmpty()) {
            List<Field<?>> values = defaulted.stream()
                    .<Field<?>>map(f -> DSL.cast(f.getDataType().defaultValue(), f.getDataType()).as(f.getName()))
                    .toList();
            org.jooq.Record row = db.select(values).fetchOne();
            for (Field<?> field : defaulted) {
                copy(row, field, template);
            }
        }
        return new RowDefaults<>(table, template);
    }

    private static <T> void copy(org.jooq.Record from, Field<T> field, TableRecord<?> to) {
        to.set(field, from.get(field.getName(), field.getType()));
    }

    public R newRecord() {
        R record = table.newRecord();
        record.from(template);
        return record;
    }
}
