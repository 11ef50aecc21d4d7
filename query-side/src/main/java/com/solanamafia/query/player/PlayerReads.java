package com.solanamafia.query.player;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.query.player.FindPlayer;
import com.solanamafia.api.query.player.PlayerAnswer;
import com.solanamafia.api.query.player.PlayerFinder;
import com.solanamafia.api.query.player.PlayerView;
import com.solanamafia.query.cache.ReadCache;
import org.springframework.stereotype.Component;

/**
 * A player's summary as the API serves it: from the Redis cache, else from the read model (then cached). The player
 * finder, not the query gateway: this is the API's hottest read (see {@link PlayerFinder}).
 */
@Component
public class PlayerReads {
    private final PlayerFinder players;
    private final ReadCache cache;

    public PlayerReads(PlayerFinder players, ReadCache cache) {
        this.players = players;
        this.cache = cache;
    }

    /** The summary (null body: no such player) and the read model's position. */
    public ReadCache.Entry<PlayerView> find(Wallet wallet) {
        return cache.player(wallet.base58(), PlayerView.class, () -> {
            PlayerAnswer found = players.find(new FindPlayer(wallet));
            return new ReadCache.Entry<>(found.player(), found.readModelPosition());
        });
    }
}
