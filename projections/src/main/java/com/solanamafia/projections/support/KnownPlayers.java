package com.solanamafia.projections.support;

import com.solanamafia.api.chain.Wallet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import static com.solanamafia.projections.jooq.Tables.PLAYER;

/** Whether the player summary has seen a wallet: per-player resources answer 404 for wallets nobody has seen. */
@Component
public class KnownPlayers {
    private final DSLContext db;

    public KnownPlayers(DSLContext db) {
        this.db = db;
    }

    public boolean known(Wallet wallet) {
        return db.fetchExists(PLAYER, PLAYER.WALLET.eq(wallet.base58()));
    }
}
