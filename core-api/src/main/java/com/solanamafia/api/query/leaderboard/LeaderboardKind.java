package com.solanamafia.api.query.leaderboard;

import java.util.Locale;

/**
 * What a leaderboard ranks by: EARNINGS (earnings accrued), INVESTED (lifetime deposits plus upgrades) or
 * REFERRALS (distinct referred players, then referral bonus). Ties go to the lower wallet text.
 */
public enum LeaderboardKind {
    EARNINGS, INVESTED, REFERRALS;

    /** @return the kind for earnings|invested|referrals (any case), or null for anything else */
    public static LeaderboardKind parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "earnings" -> EARNINGS;
            case "invested" -> INVESTED;
            case "referrals" -> REFERRALS;
            default -> null;
        };
    }
}
