package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The wallets (base58) a batch of events is about: the keys a buffered read model reads its rows by. */
public final class BatchWallets {
    private BatchWallets() {
    }

    public static Set<String> of(List<? extends EventMessage<?>> batch) {
        Set<String> wallets = new LinkedHashSet<>();
        for (EventMessage<?> message : batch) {
            if (message.getPayload() instanceof ChainFactEvent event) {
                for (Wallet wallet : EventWallets.all(event)) {
                    wallets.add(wallet.base58());
                }
            }
        }
        return wallets;
    }

    public static String[] array(Set<String> wallets) {
        return wallets.toArray(String[]::new);
    }

    /**
     * Reads into {@code rows}, in one query, the rows of {@code table} (keyed by {@code wallet}) of the batch's
     * wallets, each held as {@code held} makes it (a read model keeping its rows in its own form); nothing when
     * {@code rows} holds every row already (a replay's complete cache).
     */
    public static <R extends Record, V> void preload(DSLContext db, Table<R> table, TableField<R, String> wallet,
                                                     RowCache<String, V> rows, List<? extends EventMessage<?>> batch,
                                                     Function<? super R, ? extends V> held) {
        if (rows.partial()) {
            preload(db, table, wallet, rows, of(batch), held);
        }
    }

    /** Reads into {@code rows}, in one query, the rows of {@code table} whose base58 {@code key} is one of {@code keys}. */
    public static <R extends Record> void preload(DSLContext db, Table<R> table, TableField<R, String> key,
                                                  RowCache<String, R> rows, Set<String> keys) {
        preload(db, table, key, rows, keys, Function.identity());
    }

    /** As above, for the given keys, each row read held as {@code held} makes it. */
    public static <R extends Record, V> void preload(DSLContext db, Table<R> table, TableField<R, String> key,
                                                     RowCache<String, V> rows, Set<String> keys,
                                                     Function<? super R, ? extends V> held) {
        if (!rows.partial() || keys.isEmpty()) {
            return;
        }
        Map<String, V> found = new HashMap<>();
        db.selectFrom(table).where(key.eq(DSL.any(array(keys))))
                .forEach(row -> found.put(row.get(key), held.apply(row)));
        rows.preload(keys, found);
    }
}
