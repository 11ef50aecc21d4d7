package com.solanamafia.api.query.leaderboard;

/** Query: a page of a leaderboard, best first; {@code cursor} continues a previous page. */
public record FindLeaderboard(LeaderboardKind kind, int limit, String cursor) {
}
