package com.solanamafia.query.api;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.Cursor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Checks of query and path parameters; every failure is a 400 problem. */
public final class Params {
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 1000;
    public static final String DEFAULT_LIMIT = "50";

    private Params() {
    }

    public static int limit(int limit) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /** A wallet or mint path/query value (400 when it is not a base58 32-byte key). */
    public static Wallet key(String name, String value) {
        try {
            return Wallet.of(value);
        } catch (Wallet.InvalidWalletException e) {
            throw new Wallet.InvalidWalletException(name + " is " + e.getMessage());
        }
    }

    /** A numeric cursor (as this API hands them out), or null. */
    public static String numericCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!Cursor.isNumeric(cursor)) {
            throw new BadRequestException("cursor is not one this API handed out: " + abbreviate(cursor));
        }
        return cursor;
    }

    /** A date cursor (a period start), or null. */
    public static String dateCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        date("cursor", cursor);
        return cursor;
    }

    /** An ISO-8601 date (yyyy-MM-dd), or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 date (yyyy-MM-dd), got " + abbreviate(value));
        }
    }

    static String abbreviate(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
