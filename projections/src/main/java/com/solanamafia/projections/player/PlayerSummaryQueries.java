package com.solanamafia.projections.player;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.player.FindPlayerSummary;
import com.solanamafia.api.player.PlayerSummary;
import com.solanamafia.api.query.player.FindPlayer;
import com.solanamafia.api.query.player.PlayerAnswer;
import com.solanamafia.api.query.player.PlayerFinder;
import com.solanamafia.api.query.player.PlayerView;
import com.solanamafia.projections.jooq.tables.records.PlayerRecord;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.solanamafia.projections.jooq.Tables.PLAYER;
import static com.solanamafia.projections.support.Lamport.orZero;
import static com.solanamafia.projections.support.Times.instant;

@Component
public class PlayerSummaryQueries implements PlayerFinder {
    private final DSLContext db;
    private final PlayerByWallet byWallet;

    public PlayerSummaryQueries(DSLContext db) {
        this.db = db;
        this.byWallet = new PlayerByWallet(db);
    }

    @QueryHandler
    public PlayerAnswer handle(FindPlayer query) {
        return find(query);
    }

    @Override
    public PlayerAnswer find(FindPlayer query) {
        PlayerByWallet.Found found = byWallet.find(query.wallet().base58());
        return new PlayerAnswer(found.player() == null ? null : view(found.player()), found.position());
    }

    /** The first, smaller summary (kept for existing callers). */
    @QueryHandler
    public Optional<PlayerSummary> handle(FindPlayerSummary query) {
        return db.selectFrom(PLAYER).where(PLAYER.WALLET.eq(query.wallet().base58())).fetchOptional()
                .map(row -> new PlayerSummary(
                        Wallet.of(row.getWallet()),
                        instant(row.getJoinedAt()),
                        new Lamports(row.getEntryFeeLamports()),
                        instant(row.getNextEarningsAt()),
                        row.getEventPosition()));
    }

    static PlayerView view(PlayerRecord row) {
        return new PlayerView(
                Wallet.of(row.getWallet()),
                Boolean.TRUE.equals(row.getHasJoined()),
                instant(row.getJoinedAt()),
                orZero(row.getEntryFeeLamports()),
                instant(row.getNextEarningsAt()),
                orZero(row.getPendingEarningsLamports()),
                orZero(row.getTotalEarningsAccruedLamports()),
                orZero(row.getTotalClaimedLamports()),
                orZero(row.getTotalInvestedLamports()),
                orZero(row.getLifetimeInvestedLamports()),
                orZero(row.getTotalSlotSpentLamports()),
                orZero(row.getTotalSellReturnsLamports()),
                row.getActiveBusinessCount(),
                orZero(row.getReferralBonusLamports()),
                row.getReferralBonusCount(),
                instant(row.getLastActivityAt()),
                row.getEventPosition());
    }
}
