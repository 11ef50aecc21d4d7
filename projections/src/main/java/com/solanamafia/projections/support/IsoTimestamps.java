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
        out.append(year).append('-');
        twoDigits(out, time.getMonthValue());
        out.append('-');
        twoDigits(out, time.getDayOfMonth());
        out.append('T');
        twoDigits(out, time.getHour());
        out.append(':');
        twoDigits(out, time.getMinute());
        out.append(':');
        twoDigits(out, time.getSecond());
        int nano = time.getNano();
        if (nano != 0) {
            out.append('.');
            String digits = Integer.toString(nano);
            for (int i = digits.length(); i < 9; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        out.append(time.getOffset().getId());
    }

    private static void twoDigits(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        out.append(value);
    }
}
