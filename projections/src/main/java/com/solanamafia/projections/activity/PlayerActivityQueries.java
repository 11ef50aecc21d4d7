package com.solanamafia.projections.activity;

import com.solanamafia.api.query.activity.ActivityItem;
import com.solanamafia.api.query.activity.ActivityPage;
import com.solanamafia.api.query.activity.FindActivity;
import com.solanamafia.projections.jooq.tables.records.ActivityRecord;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.Lamport;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.solanamafia.projections.jooq.Tables.ACTIVITY;

@Component
public class PlayerActivityQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;
    private final KnownPlayers players;

    public PlayerActivityQueries(DSLContext db, ProjectionPositions positions, KnownPlayers players) {
        this.db = db;
        this.positions = positions;
        this.players = players;
    }

    @QueryHandler
    public ActivityPage handle(FindActivity query) {
        long position = positions.positionOf(PlayerActivityProjection.NAME);
        long before = Lamport.cursorOr(query.cursor(), Long.MAX_VALUE);
        List<ActivityRecord> rows = db.selectFrom(ACTIVITY)
                .where(ACTIVITY.WALLET.eq(query.wallet().base58()))
                .and(ACTIVITY.EVENT_POSITION.lt(before))
                .orderBy(ACTIVITY.EVENT_POSITION.desc())
                .limit(query.limit() + 1)
                .fetch();
        boolean more = rows.size() > query.limit();
        List<ActivityItem> items = rows.stream().limit(query.limit()).map(PlayerActivityQueries::item).toList();
        String next = more ? Long.toString(items.get(items.size() - 1).eventPosition()) : null;
        boolean known = !items.isEmpty() || players.known(query.wallet());
        return new ActivityPage(known, items, next, position);
    }

    static ActivityItem item(ActivityRecord row) {
        return new ActivityItem(row.getEventPosition(), row.getEventType(), row.getSignature(),
                row.getInstructionPath(), row.getOrdinal(), row.getSlot(), Times.instant(row.getBlockTime()),
                Times.instant(row.getRecordedAt()), row.getDetails().data());
    }
}
