package com.solanamafia.api.query.earnings;

import java.util.Locale;

/** Bucket size of an earnings series: UTC days, ISO weeks (Monday first) or calendar months. */
public enum EarningsPeriod {
    DAILY, WEEKLY, MONTHLY;

    /** @return the period for daily|weekly|monthly (any case), or null for anything else */
    public static EarningsPeriod parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "daily" -> DAILY;
            case "weekly" -> WEEKLY;
            case "monthly" -> MONTHLY;
            default -> null;
        };
    }
}
