package com.solanamafia.projections.player;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.player.FindPlayerSummary;
import com.solanamafia.api.player.PlayerSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

import static com.solanamafia.projections.jooq.Tables.PLAYER;

@Component
public class PlayerSummaryQueries {
    private final DSLContext db;

    public PlayerSummaryQueries(DSLContext db) {
        this.db = db;
    }

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

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
