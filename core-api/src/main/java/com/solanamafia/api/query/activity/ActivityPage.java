package com.solanamafia.api.query.activity;

import java.util.List;

/** A page of a player's activity; {@code playerKnown} is false when no read model has seen the wallet. */
public record ActivityPage(boolean playerKnown, List<ActivityItem> items, String nextCursor, long readModelPosition) {
}
