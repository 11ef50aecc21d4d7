package com.solanamafia.projections.business;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.business.BusinessView;
import com.solanamafia.api.query.business.FindPlayerBusinesses;
import com.solanamafia.api.query.business.PlayerBusinesses;
import com.solanamafia.projections.jooq.tables.records.BusinessSlotRecord;
import com.solanamafia.projections.support.KnownPlayers;
import com.solanamafia.projections.support.Lamport;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.solanamafia.projections.jooq.Tables.BUSINESS_SLOT;

@Component
public class PlayerBusinessesQueries {
    private final DSLContext db;
    private final ProjectionPositions positions;
    private final KnownPlayers players;

    public PlayerBusinessesQueries(DSLContext db, ProjectionPositions positions, KnownPlayers players) {
        this.db = db;
        this.positions = positions;
        this.players = players;
    }

    @QueryHandler
    public PlayerBusinesses handle(FindPlayerBusinesses query) {
        long position = positions.positionOf(PlayerBusinessesProjection.NAME);
        long after = Lamport.cursorOr(query.cursor(), -1);
        List<BusinessSlotRecord> rows = db.selectFrom(BUSINESS_SLOT)
                .where(BUSINESS_SLOT.WALLET.eq(query.wallet().base58()))
                .and(BUSINESS_SLOT.OCCUPIED.isTrue())
                .and(BUSINESS_SLOT.SLOT_INDEX.gt((int) Math.min(after, Integer.MAX_VALUE)))
                .orderBy(BUSINESS_SLOT.SLOT_INDEX)
                .limit(query.limit() + 1)
                .fetch();
        boolean more = rows.size() > query.limit();
        List<BusinessView> page = rows.stream().limit(query.limit()).map(PlayerBusinessesQueries::view).toList();
        String next = more ? Integer.toString(page.get(page.size() - 1).slotIndex()) : null;
        boolean known = !page.isEmpty() || players.known(query.wallet());
        return new PlayerBusinesses(known, page, next, position);
    }

    static BusinessView view(BusinessSlotRecord row) {
        return new BusinessView(
                row.getSlotIndex(),
                row.getSlotType(),
                row.getBusinessType(),
                row.getBusinessTypeCode(),
                row.getUpgradeLevel() == null ? 0 : row.getUpgradeLevel(),
                Lamport.orNull(row.getBaseCostLamports()),
                Lamport.orZero(row.getInvestedLamports()),
                Lamport.orNull(row.getSlotCostLamports()),
                row.getDailyRateBp() == null ? 0 : row.getDailyRateBp(),
                row.getNftMint() == null ? null : Wallet.of(row.getNftMint()),
                Times.instant(row.getOccupiedSince()));
    }
}
