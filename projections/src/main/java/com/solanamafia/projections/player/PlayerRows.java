package com.solanamafia.projections.player;

import java.time.OffsetDateTime;

/** Where the player summary's rows change: in the table (live) or in memory (a replay's batch). */
interface PlayerRows {
    /**
     * Creates the wallet's row with the changes' insert values, or changes the existing row, unless the row already
     * reflects {@code position} or a later event; {@code last_activity_at} only moves forward.
     */
    void upsert(String wallet, long position, OffsetDateTime activityAt, PlayerSummaryProjection.Changes changes);
}
