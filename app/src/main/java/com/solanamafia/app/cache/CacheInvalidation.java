package com.solanamafia.app.cache;

import com.solanamafia.projections.leaderboard.LeaderboardProjection;
import com.solanamafia.projections.player.PlayerSummaryProjection;
import com.solanamafia.projections.stats.GlobalStatsProjection;
import com.solanamafia.projections.support.ReadModelChangeListener;
import com.solanamafia.query.cache.ReadCache;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The projections' committed changes, as invalidations of the query side's Redis cache. */
@Component
public class CacheInvalidation implements ReadModelChangeListener {
    private final ReadCache cache;

    public CacheInvalidation(ReadCache cache) {
        this.cache = cache;
    }

    @Override
    public void changed(String projection, Set<String> wallets) {
        if (wallets.isEmpty()) {
            return;
        }
        switch (projection) {
            case PlayerSummaryProjection.NAME -> cache.invalidatePlayers(wallets);
            case GlobalStatsProjection.NAME -> cache.invalidateStats();
            case LeaderboardProjection.NAME -> cache.invalidateLeaderboards();
            default -> {
            }
        }
    }
}
