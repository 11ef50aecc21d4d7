package com.solanamafia.query.push;

import com.solanamafia.api.chain.Wallet;

import java.util.List;

/** Channel names: {@code stats:global}, {@code leaderboard:<kind>} (public) and {@code player:<wallet>} (owner only). */
public final class Channels {
    public static final String STATS = "stats:global";
    public static final String LEADERBOARD_PREFIX = "leaderboard:";
    public static final String PLAYER_PREFIX = "player:";
    /** The leaderboard kinds: who earned, who invested, who earned referral bonuses. */
    public static final List<String> LEADERBOARDS = List.of("earnings", "invested", "referrals");

    private Channels() {
    }

    public static String player(Wallet wallet) {
        return PLAYER_PREFIX + wallet.base58();
    }

    public static String leaderboard(String kind) {
        return LEADERBOARD_PREFIX + kind;
    }

    /** Who may subscribe to a channel. */
    public sealed interface Access permits Public, Owner, Unknown {
    }

    public record Public() implements Access {
    }

    public record Owner(Wallet wallet) implements Access {
    }

    public record Unknown() implements Access {
    }

    public static Access access(String channel) {
        if (channel == null || channel.length() > 64) {
            return new Unknown();
        }
        if (channel.equals(STATS)) {
            return new Public();
        }
        if (channel.startsWith(LEADERBOARD_PREFIX) && LEADERBOARDS.contains(channel.substring(LEADERBOARD_PREFIX.length()))) {
            return new Public();
        }
        if (channel.startsWith(PLAYER_PREFIX)) {
            String wallet = channel.substring(PLAYER_PREFIX.length());
            if (Wallet.isValid(wallet)) {
                return new Owner(Wallet.of(wallet));
            }
        }
        return new Unknown();
    }
}
