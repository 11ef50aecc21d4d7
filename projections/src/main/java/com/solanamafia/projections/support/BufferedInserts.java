package com.solanamafia.projections.support;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A read model that only inserts rows keyed by event position (ON CONFLICT DO NOTHING), for a replay: the rows of a
 * batch are kept and written in one COPY. A replay applies each event once, so every row is new.
 */
public final class BufferedInserts<R extends TableRecord<R>> implements BufferedReadModel {
    private final DSLContext db;
    private final Table<R> table;
    private final RowDefaults<R> defaults;
    private final List<R> rows = new ArrayList<>();
    private final Object handler;

    /** {@code handler}: the read model's projection, given where to insert a row. */
    public BufferedInserts(DSLContext db, Table<R> table,
                           Function<java.util.function.Consumer<Map<Field<?>, Object>>, Object> handler) {
        this.db = db;
        this.table = table;
        this.defaults = RowDefaults.of(db, table);
        this.handler = handler.apply(this::add);
    }

    private void add(Map<Field<?>, Object> values) {
        R row = defaults.newRecord();
        RecordValues.setAll(row, values);
        rows.add(row);
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void write() {
        // COPY: every row is new (a duplicate fails the batch, which is then applied by the plain handler)
        BulkWrite.copy(db, table, rows);
        rows.clear();
    }

    @Override
    public void discard() {
        rows.clear();
    }
}
