package com.solanamafia.projections.replay;

import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.MappedTable;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.conf.SettingsTools;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.replay.ReplayableProjections.NEXT;
import static com.solanamafia.projections.replay.ReplayableProjections.POSITION_TABLE;
import static com.solanamafia.projections.replay.ReplayableProjections.SCHEMA;

/**
 * The shadow tables of a replay: {@code read_model.<t>__next}, created {@code LIKE <t> INCLUDING ALL} (columns,
 * defaults, constraints, indexes), a jOOQ context whose render mapping sends the read models' statements there,
 * and the swap: in one transaction the live table is dropped, the shadow renamed to its name and its indexes and
 * constraints renamed to the live ones' names (so later migrations find them).
 */
public final class ShadowTables {
    private ShadowTables() {
    }

    public static List<String> tables(List<ReplayableProjections.Spec> specs) {
        List<String> tables = new ArrayList<>();
        specs.forEach(s -> tables.addAll(s.tables()));
        return tables;
    }

    /**
     * (Re)creates empty shadows of the tables and of the position table, without autovacuum until {@link #swap}:
     * it would vacuum and analyze them while the replay fills them, and the swap's lock would then wait a
     * {@code deadlock_timeout} (1 s) per table for it to be cancelled.
     */
    public static void create(DSLContext db, List<String> tables) {
        for (String table : withPositions(tables)) {
            db.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table + NEXT);
            db.execute("CREATE TABLE " + SCHEMA + "." + table + NEXT + " (LIKE " + SCHEMA + "." + table
                    + " INCLUDING ALL) WITH (autovacuum_enabled = false)");
        }
    }

    /**
     * Drops the shadows' indexes a replay's first pass does not need, to build them once at its end ({@link
     * #restoreIndexes}), which sorts instead of inserting each row into each index: every non-unique index, and the
     * primary key of tables keyed by event position (rows appended once per event, by COPY). Returns, per table, the
     * statements that build them again.
     */
    public static Map<String, List<String>> dropIndexesUntilBuilt(DSLContext db, List<String> tables) {
        Map<String, List<String>> restore = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> statements = dropIndexes(db, table, false);
            if (!statements.isEmpty()) {
                restore.put(table, statements);
            }
        }
        return restore;
    }

    /**
     * Drops every index left on those of the shadows that are still empty (their unique keys: nothing was written to
     * them during the pass, so the rows a read model writes there at its end are all new, and sorting them once into
     * each index is cheaper than inserting each row into it). Returns the statements that build them again, to run
     * after that write, in the same transaction.
     */
    public static List<String> dropKeysOfEmpty(DSLContext db, List<String> tables) {
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            if (!db.fetchExists(DSL.table(DSL.name(SCHEMA, table + NEXT)))) {
                statements.addAll(dropIndexes(db, table, true));
            }
        }
        return statements;
    }

    /** Drops the shadow's non-unique indexes, its event-position primary key, and with {@code keys} every index. */
    private static List<String> dropIndexes(DSLContext db, String table, boolean keys) {
        String shadow = SCHEMA + "." + table + NEXT;
        List<String> statements = new ArrayList<>();
        for (Record index : db.fetch("SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisunique, "
                + "(SELECT conname FROM pg_constraint WHERE conindid = i.indexrelid), "
                + "(SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conindid = i.indexrelid) "
                + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ?::regclass",
                shadow)) {
            String constraint = index.get(3, String.class);
            String constraintDefinition = index.get(4, String.class);
            boolean unique = index.get(2, Boolean.class);
            if (unique && !keys && !(constraintDefinition != null && constraintDefinition.startsWith("PRIMARY KEY")
                    && constraintDefinition.contains("event_position"))) {
                continue;
            }
            if (constraint != null) {
                db.execute("ALTER TABLE " + shadow + " DROP CONSTRAINT " + constraint);
                statements.add("ALTER TABLE " + shadow + " ADD CONSTRAINT " + constraint + " " + constraintDefinition);
            } else {
                db.execute("DROP INDEX " + SCHEMA + "." + index.get(0, String.class));
                statements.add(index.get(1, String.class));
            }
        }
        return statements;
    }

    /** Builds the indexes {@link #dropIndexesUntilBuilt} dropped from {@code table}'s shadow (a duplicate key fails). */
    public static void restoreIndexes(DSLContext db, List<String> statements) {
        db.execute("SET LOCAL maintenance_work_mem = '256MB'");
        for (String statement : statements) {
            db.execute(statement);
        }
    }

    /** Empties one read model's shadows (its tables, and its row of the position table's shadow). */
    public static void reset(DSLContext db, List<String> tables, String projection) {
        for (String table : tables) {
            db.execute("TRUNCATE " + SCHEMA + "." + table + NEXT);
        }
        db.execute("DELETE FROM " + SCHEMA + "." + POSITION_TABLE + NEXT + " WHERE projection = ?", projection);
    }

    public static void drop(DSLContext db, List<String> tables) {
        for (String table : withPositions(tables)) {
            db.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table + NEXT);
        }
    }

    /** A jOOQ context like {@code db} (same connections and transactions) that writes the shadows instead. */
    public static DSLContext mapped(DSLContext db, List<String> tables) {
        MappedSchema schema = new MappedSchema().withInput(SCHEMA);
        for (String table : withPositions(tables)) {
            schema.withTables(new MappedTable().withInput(table).withOutput(table + NEXT));
        }
        Settings settings = SettingsTools.clone(db.settings())
                .withRenderMapping(new RenderMapping().withSchemata(schema));
        Configuration configuration = db.configuration().derive(settings);
        return DSL.using(configuration);
    }

    /**
     * Replaces the live tables by their shadows, and the projections' position rows by the replayed ones. Must run
     * in a transaction (nothing is visible before its commit); takes ACCESS EXCLUSIVE locks in table order, so
     * readers wait for the commit (milliseconds) and then read the new tables.
     */
    public static void swap(DSLContext db, List<String> tables, List<String> projections) {
        db.execute("SET LOCAL lock_timeout = '10s'");
        for (String table : tables) {
            db.execute("LOCK TABLE " + SCHEMA + "." + table + ", " + SCHEMA + "." + table + NEXT
                    + " IN ACCESS EXCLUSIVE MODE");
        }
        for (String table : tables) {
            Map<String, String> liveNames = new HashMap<>();
            for (Record index : indexes(db, table)) {
                liveNames.put(shape(index.get(1, String.class)), index.get(0, String.class));
            }
            List<Record> shadowIndexes = indexes(db, table + NEXT);
            db.execute("DROP TABLE " + SCHEMA + "." + table);
            db.execute("ALTER TABLE " + SCHEMA + "." + table + NEXT + " RENAME TO " + table);
            db.execute("ALTER TABLE " + SCHEMA + "." + table + " RESET (autovacuum_enabled)");
            for (Record index : shadowIndexes) {
                String liveName = liveNames.get(shape(index.get(1, String.class)));
                String name = index.get(0, String.class);
                if (liveName != null && !liveName.equals(name)) {
                    db.execute("ALTER INDEX " + SCHEMA + "." + name + " RENAME TO " + liveName);
                }
            }
        }
        for (String projection : projections) {
            db.execute("DELETE FROM " + SCHEMA + "." + POSITION_TABLE + " WHERE projection = ?", projection);
            db.execute("INSERT INTO " + SCHEMA + "." + POSITION_TABLE + " SELECT * FROM " + SCHEMA + "." + POSITION_TABLE
                    + NEXT + " WHERE projection = ?", projection);
        }
        db.execute("DROP TABLE " + SCHEMA + "." + POSITION_TABLE + NEXT);
    }

    private static List<Record> indexes(DSLContext db, String table) {
        return db.fetch("SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                + "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ?::regclass ORDER BY c.relname",
                SCHEMA + "." + table);
    }

    /** An index definition without its own name and its table's name: equal for a table and its shadow. */
    static String shape(String definition) {
        return definition.replaceFirst("INDEX \\S+ ON \\S+", "INDEX ON");
    }

    private static List<String> withPositions(List<String> tables) {
        List<String> all = new ArrayList<>(tables);
        all.add(POSITION_TABLE);
        return all;
    }
}
