package com.solanamafia.projections.support;

import java.time.OffsetDateTime;

/** ISO-8601 text of a timestamp with offset, written straight into a builder (what PostgreSQL's input reads). */
final class IsoTimestamps {
    private IsoTimestamps() {
    }

    /** {@code 2026-01-01T00:00:00[.nnnnnnnnn]Z} or {@code ...+02:00}. */
    static void append(StringBuilder out, OffsetDateTime time) {
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            out.append(time);
            return;
        }
        digits(out, year, 4);
        out.append('-');
        digits(out, time.getMonthValue(), 2);
        out.append('-');
        digits(out, time.getDayOfMonth(), 2);
        out.append('T');
        digits(out, time.getHour(), 2);
        out.append(':');
        digits(out, time.getMinute(), 2);
        out.append(':');
        digits(out, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano != 0) {
            out.append('.');
            digits(out, nano, 9);
        }
        out.append(time.getOffset().getId());
    }

    /**
     * {@code value} as exactly {@code count} digits, zero-padded, written in place (append(int) was 9 % of the replay
     * workers' JFR samples).
     */
    private static void digits(StringBuilder out, int value, int count) {
        int at = out.length();
        out.setLength(at + count);
        for (int i = at + count - 1; i >= at; i--) {
            out.setCharAt(i, (char) ('0' + value % 10));
            value /= 10;
        }
    }
}
