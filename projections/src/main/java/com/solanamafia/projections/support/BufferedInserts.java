package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A read model that only inserts rows keyed by event position (ON CONFLICT DO NOTHING in its own SQL): the rows of a
 * batch are kept and written in one COPY. A row whose key the batch already added, or (for a live batch) the table
 * already holds, is skipped as the SQL would skip it: an event delivered twice inserts nothing the second time.
 */
public final class BufferedInserts<R extends TableRecord<R>> implements BufferedReadModel {
    private final DSLContext db;
    private final Table<R> table;
    private final RowDefaults<R> defaults;
    private final List<Field<?>> key;
    private final Field<Long> eventPosition;
    /** The wallet column, when the primary key starts with it (a query by position alone could not use the key). */
    private final Field<String> wallet;
    private final ColumnIndex columns;
    /** Where the primary key's columns are in a row. */
    private final int[] keyColumns;
    /** The rows added since the last write, as COPY's text (no records: this table's rows are only ever inserted). */
    private final StringBuilder rows = new StringBuilder();
    /** The keys of the rows added since the last write, and of the rows found in the table by {@link #prefetch}. */
    private final Set<List<Object>> keys = new HashSet<>();
    private final Object handler;

    /** {@code handler}: the read model's projection, given where to insert a row. */
    public BufferedInserts(DSLContext db, Table<R> table,
                           Function<java.util.function.Consumer<Map<Field<?>, Object>>, Object> handler) {
        this.db = db;
        this.table = table;
        this.defaults = RowDefaults.of(db, table);
        this.key = List.copyOf(table.getPrimaryKey().getFields());
        this.columns = new ColumnIndex(table);
        this.keyColumns = key.stream().mapToInt(columns::of).toArray();
        this.eventPosition = table.field("event_position", Long.class);
        if (eventPosition == null || !key.contains(eventPosition)) {
            throw new IllegalArgumentException(table + " is not keyed by event position");
        }
        Field<String> walletKey = table.field("wallet", String.class);
        this.wallet = walletKey != null && key.get(0).equals(walletKey) ? walletKey : null;
        this.handler = handler.apply(this::add);
    }

    private void add(Map<Field<?>, Object> values) {
        Object[] row = defaults.newValues();   // a column the row does not name gets its default
        columns.set(row, values);
        Object[] rowKey = new Object[keyColumns.length];
        for (int k = 0; k < rowKey.length; k++) {
            rowKey[k] = row[keyColumns[k]];
        }
        if (!keys.add(Arrays.asList(rowKey))) {
            return;
        }
        BulkWrite.copyLine(rows, row);
    }

    /**
     * The keys the table holds for the batch's events (those delivered before), in one query on its primary key: by
     * position, or, where the key starts with the wallet, by the exact (wallet, position) pairs of the batch's events
     * (two arrays in one index condition would probe every wallet with every position).
     */
    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        List<String> wallets = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (EventMessage<?> message : batch) {
            if (message instanceof TrackedEventMessage<?> tracked) {
                long position = ProjectionPositions.positionOf(tracked.trackingToken());
                if (wallet == null) {
                    positions.add(position);
                } else if (message.getPayload() instanceof ChainFactEvent event) {
                    for (Wallet w : EventWallets.all(event)) {
                        wallets.add(w.base58());
                        positions.add(position);
                    }
                }
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        if (wallet == null) {
            db.select(key).from(table).where(eventPosition.eq(DSL.any(positions.toArray(Long[]::new))))
                    .forEach(row -> keys.add(Arrays.asList(row.intoArray())));
            return;
        }
        Table<?> pairs = DSL.table("unnest({0}, {1}) AS batch_key(wallet, event_position)",
                DSL.val(wallets.toArray(String[]::new)), DSL.val(positions.toArray(Long[]::new)));
        db.select(key).from(table).join(pairs)
                .on(wallet.eq(DSL.field(DSL.name("batch_key", "wallet"), String.class))
                        .and(eventPosition.eq(DSL.field(DSL.name("batch_key", "event_position"), Long.class))))
                .forEach(row -> keys.add(Arrays.asList(row.intoArray())));
    }

    @Override
    public Object handler() {
        return handler;
    }

    @Override
    public void write() {
        // COPY: the rows are new (a duplicate key fails the batch, which is then applied by the plain handler)
        BulkWrite.copy(db, table, rows);
        rows.setLength(0);
        keys.clear();
    }

    @Override
    public void discard() {
        rows.setLength(0);
        keys.clear();
    }
}
