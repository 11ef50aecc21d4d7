package com.solanamafia.api.query;

/** Cursors the query API hands out: decimal non-negative longs (positions, offsets, slot indexes) or ISO dates. */
public final class Cursor {
    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("\\d{1,18}");

    private Cursor() {
    }

    public static boolean isNumeric(String cursor) {
        return cursor != null && NUMERIC.matcher(cursor).matches();
    }
}
