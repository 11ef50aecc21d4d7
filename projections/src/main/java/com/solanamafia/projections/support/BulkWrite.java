package com.solanamafia.projections.support;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.TableRecord;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes many rows of a table in ONE statement: each column travels as one array literal, read by PostgreSQL straight
 * as an array of the column's type, {@code INSERT INTO t (c1, ...) SELECT * FROM unnest(?::type1[], ...)} (not via
 * {@code text[]}, which parsed every value twice), so the statement text does not
 * depend on the number of rows and PostgreSQL plans it once. Values are converted by PostgreSQL exactly as bound
 * parameters would be (a string too long for its column, or a number too big, fails the statement). The table is
 * rendered by {@code db}, so a render-mapped context writes a replay's shadow tables.
 */
public final class BulkWrite {
    private static final Map<Class<?>, String> TYPES = Map.of(String.class, "text", Integer.class, "int4",
            Long.class, "int8", java.math.BigInteger.class, "numeric", BigDecimal.class, "numeric",
            Boolean.class, "bool", OffsetDateTime.class, "timestamptz", java.time.LocalDate.class, "date",
            JSONB.class, "jsonb");

    private BulkWrite() {
    }

    /** Inserts the rows; a row whose key exists replaces every column of it. Keys must be distinct. */
    public static <R extends TableRecord<R>> void upsert(DSLContext db, Table<R> table, Collection<R> rows) {
        upsert(db, table, rows, RECORD);
    }

    private static <T> void upsert(DSLContext db, Table<?> table, Collection<T> rows, Values<? super T> values) {
        List<String> keys = table.getPrimaryKey().getFields().stream().map(Field::getName).toList();
        String updates = java.util.Arrays.stream(table.fields()).map(Field::getName).filter(c -> !keys.contains(c))
                .map(c -> quoted(c) + " = EXCLUDED." + quoted(c)).collect(Collectors.joining(", "));
        write(db, table, rows, values, " ON CONFLICT ("
                + keys.stream().map(BulkWrite::quoted).collect(Collectors.joining(", ")) + ") DO UPDATE SET " + updates);
    }

    /**
     * A buffered read model's changed rows, held in {@code cache}: copied while all are new to the table (a replay's
     * first write into its empty shadow: no conflict to check for), else upserted.
     */
    public static <R extends TableRecord<R>> void upsert(DSLContext db, Table<R> table, Collection<R> rows,
                                                         RowCache<?, ?> cache) {
        upsert(db, table, rows, RECORD, cache);
    }

    /**
     * As above, for rows held as arrays of values in the order of the table's columns ({@link Table#fields()}),
     * which a read model changing the same rows over and over holds instead of jOOQ records.
     */
    public static void upsertValues(DSLContext db, Table<?> table, Collection<Object[]> rows, RowCache<?, ?> cache) {
        upsert(db, table, rows, (row, column) -> row[column], cache);
    }

    private static <T> void upsert(DSLContext db, Table<?> table, Collection<T> rows, Values<? super T> values,
                                   RowCache<?, ?> cache) {
        if (rows.isEmpty()) {
            return;   // the table is as it was: all the cache holds may still be new to it
        }
        boolean allNew = cache.onlyNewRows();
        cache.writing();
        if (allNew) {
            copy(db, table, rows, values);
        } else {
            upsert(db, table, rows, values);
        }
    }

    /** Inserts the rows; a row whose key exists is skipped (ON CONFLICT DO NOTHING). */
    public static <R extends TableRecord<R>> void insertNew(DSLContext db, Table<R> table, Collection<R> rows) {
        write(db, table, rows, RECORD, " ON CONFLICT DO NOTHING");
    }

    /** A row's value of a column, by the column's index in the table. */
    @FunctionalInterface
    private interface Values<T> {
        Object get(T row, int column);
    }

    private static final Values<TableRecord<?>> RECORD = (record, column) -> record.get(column);

    /**
     * Inserts rows that must all be new with {@code COPY ... FROM STDIN} (text format), the cheapest way into a table
     * for PostgreSQL: no statement to plan, no arrays to unnest, no conflict check. A key that exists fails it (a
     * unique violation) rather than being skipped. Values are read by the same input functions as above.
     */
    public static <R extends TableRecord<R>> void copy(DSLContext db, Table<R> table, Collection<R> rows) {
        copy(db, table, rows, RECORD);
    }

    private static <T> void copy(DSLContext db, Table<?> table, Collection<T> rows, Values<? super T> values) {
        if (rows.isEmpty()) {
            return;
        }
        Field<?>[] fields = table.fields();
        StringBuilder text = new StringBuilder(rows.size() * 16 * fields.length);
        for (T row : rows) {
            for (int c = 0; c < fields.length; c++) {
                if (c > 0) {
                    text.append('\t');
                }
                copyValue(text, values.get(row, c));
            }
            text.append('\n');
        }
        copy(db, table, text);
    }

    /**
     * {@code COPY ... FROM STDIN} of text already in COPY's text format, one line per row with every column of
     * {@code table} in its order (each value as {@link #copyValue} writes it).
     */
    public static void copy(DSLContext db, Table<?> table, StringBuilder text) {
        if (text.isEmpty()) {
            return;
        }
        String sql = "COPY " + db.render(table) + " ("
                + java.util.Arrays.stream(table.fields()).map(f -> quoted(f.getName())).collect(Collectors.joining(", "))
                + ") FROM STDIN";
        db.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                send(copy, text);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /**
     * Sends the text as UTF-8 in pieces through two small buffers: a replay copies megabytes per batch, and as one
     * String and one byte array that was two copies of it to allocate (and collect) per table and batch.
     */
    static void send(CopyIn copy, StringBuilder text) throws java.sql.SQLException {
        char[] chars = new char[COPY_CHUNK];
        byte[] bytes = new byte[COPY_CHUNK];
        int length = text.length();
        for (int from = 0; from < length; ) {
            int to = Math.min(length, from + COPY_CHUNK);
            if (to < length && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;   // a surrogate pair is encoded whole, in the next piece
            }
            int count = to - from;
            text.getChars(from, to, chars, 0);
            int ascii = 0;
            while (ascii < count && chars[ascii] < 0x80) {
                bytes[ascii] = (byte) chars[ascii];
                ascii++;
            }
            if (ascii == count) {
                copy.writeToCopy(bytes, 0, count);
            } else {
                byte[] encoded = new String(chars, 0, count).getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(encoded, 0, encoded.length);
            }
            from = to;
        }
    }

    private static final int COPY_CHUNK = 16 * 1024;

    /** One line of COPY's text format: the row's values in the order of its table's columns. */
    public static void copyLine(StringBuilder out, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append('\t');
            }
            copyValue(out, row[c]);
        }
        out.append('\n');
    }

    /** One value of COPY's text format: \N for NULL, text with backslash, tab, newline and carriage return escaped. */
    public static void copyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        if (value instanceof String || value instanceof JSONB) {
            String text = value instanceof JSONB json ? json.data() : (String) value;
            if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                out.append(text);   // the usual case, found by String's vectorized search (a loop per char was 6 %)
                return;
            }
            int from = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                char escape = switch (c) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> 0;
                };
                if (escape != 0) {
                    out.append(text, from, i).append('\\').append(escape);
                    from = i + 1;
                }
            }
            out.append(text, from, text.length());
            return;
        }
        element(out, value);   // numbers, booleans, dates, timestamps: the same text, none needs escaping
    }

    private static <T> void write(DSLContext db, Table<?> table, Collection<T> rows, Values<? super T> values,
                                  String onConflict) {
        if (rows.isEmpty()) {
            return;
        }
        Field<?>[] fields = table.fields();
        StringBuilder[] columns = new StringBuilder[fields.length];
        for (int c = 0; c < fields.length; c++) {
            columns[c] = new StringBuilder(rows.size() * 16).append('{');
        }
        boolean first = true;
        for (T row : rows) {
            for (int c = 0; c < fields.length; c++) {
                if (!first) {
                    columns[c].append(',');
                }
                element(columns[c], values.get(row, c));
            }
            first = false;
        }
        String sql = "INSERT INTO " + db.render(table) + " ("
                + java.util.Arrays.stream(fields).map(f -> quoted(f.getName())).collect(Collectors.joining(", "))
                + ") SELECT * FROM unnest("
                + java.util.Arrays.stream(fields).map(f -> "?::" + type(f) + "[]")
                        .collect(Collectors.joining(", "))
                + ")" + onConflict;
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int c = 0; c < fields.length; c++) {
                    statement.setString(c + 1, columns[c].append('}').toString());
                }
                statement.executeUpdate();
            }
        });
    }

    /**
     * One element of a PostgreSQL array literal, in the text PostgreSQL reads back as the same value: NULL; strings
     * double-quoted with {@code "} and backslash escaped; numbers, booleans, dates and ISO-8601 timestamps as they are
     * (they contain no character an array literal would need quoted).
     */
    static void element(StringBuilder array, Object value) {
        if (value == null) {
            array.append("NULL");
        } else if (value instanceof String text) {
            quoted(array, text);
        } else if (value instanceof JSONB json) {
            quoted(array, json.data());
        } else if (value instanceof OffsetDateTime time) {
            IsoTimestamps.append(array, time);
        } else if (value instanceof BigDecimal decimal) {
            array.append(decimal.toPlainString());
        } else if (value instanceof Long number) {
            array.append(number.longValue());
        } else if (value instanceof Integer number) {
            array.append(number.intValue());
        } else {
            array.append(value);
        }
    }

    private static void quoted(StringBuilder array, String text) {
        array.append('"');
        int quote = text.indexOf('"');
        int backslash = text.indexOf('\\');
        int from = 0;   // wallets and signatures have nothing to escape; JSON is copied in runs between the escapes
        while (quote >= 0 || backslash >= 0) {
            int at = backslash < 0 || (quote >= 0 && quote < backslash) ? quote : backslash;
            array.append(text, from, at).append('\\');
            from = at;
            if (at == quote) {
                quote = text.indexOf('"', at + 1);
            } else {
                backslash = text.indexOf('\\', at + 1);
            }
        }
        array.append(text, from, text.length()).append('"');
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }

    private static String type(Field<?> field) {
        String type = TYPES.get(field.getType());
        if (type == null) {
            throw new IllegalArgumentException("no bulk conversion for " + field + " of " + field.getType());
        }
        return type;
    }
}
