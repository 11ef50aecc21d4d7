package com.solanamafia.projections.player;

import com.solanamafia.api.player.PlayerJoined;
import com.solanamafia.projections.support.ProjectionPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static com.solanamafia.projections.jooq.Tables.PLAYER;
import static com.solanamafia.projections.jooq.Tables.PROJECTION_POSITION;

/** One row per player: the summary dashboards show first. */
@Component
@ProcessingGroup(PlayerSummaryProjection.NAME)
public class PlayerSummaryProjection {
    public static final String NAME = "player-summary";

    private final DSLContext db;
    private final ProjectionPositions positions;

    public PlayerSummaryProjection(DSLContext db, ProjectionPositions positions) {
        this.db = db;
        this.positions = positions;
    }

    @EventHandler
    void on(PlayerJoined event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(PLAYER)
                .set(PLAYER.WALLET, event.wallet().base58())
                .set(PLAYER.JOINED_AT, utc(event.joinedAt()))
                .set(PLAYER.ENTRY_FEE_LAMPORTS, event.entryFee().value())
                .set(PLAYER.NEXT_EARNINGS_AT, utc(event.nextEarningsAt()))
                .set(PLAYER.JOINED_SLOT, event.fact().slot())
                .set(PLAYER.JOINED_SIGNATURE, event.fact().position().signature())
                .set(PLAYER.EVENT_POSITION, position)
                .set(PLAYER.UPDATED_AT, now)
                .onConflict(PLAYER.WALLET)
                .doUpdate()
                .set(PLAYER.JOINED_AT, utc(event.joinedAt()))
                .set(PLAYER.ENTRY_FEE_LAMPORTS, event.entryFee().value())
                .set(PLAYER.NEXT_EARNINGS_AT, utc(event.nextEarningsAt()))
                .set(PLAYER.JOINED_SLOT, event.fact().slot())
                .set(PLAYER.JOINED_SIGNATURE, event.fact().position().signature())
                .set(PLAYER.EVENT_POSITION, position)
                .set(PLAYER.UPDATED_AT, now)
                .execute();
        positions.advance(NAME, position);
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(PLAYER).execute();
        db.deleteFrom(PROJECTION_POSITION).where(PROJECTION_POSITION.PROJECTION.eq(NAME)).execute();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
