package com.solanamafia.api.query.leaderboard;

import java.util.List;

/** A page of a leaderboard. */
public record Leaderboard(LeaderboardKind kind, List<LeaderboardEntry> entries, String nextCursor,
                          long readModelPosition) {
}
