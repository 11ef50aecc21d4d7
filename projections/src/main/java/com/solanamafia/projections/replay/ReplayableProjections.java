package com.solanamafia.projections.replay;

import com.solanamafia.projections.activity.PlayerActivityProjection;
import com.solanamafia.projections.business.PlayerBusinessesProjection;
import com.solanamafia.projections.discrepancy.DiscrepancyProjection;
import com.solanamafia.projections.earnings.EarningsHistoryProjection;
import com.solanamafia.projections.leaderboard.LeaderboardProjection;
import com.solanamafia.projections.nft.NftProjection;
import com.solanamafia.projections.player.PlayerSummaryProjection;
import com.solanamafia.projections.stats.GlobalStatsProjection;
import com.solanamafia.projections.support.ProjectionPositions;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The allow-list of what a replay may rebuild: the read models of this module, each with its handler class and
 * every table it writes. Nothing else can be replayed: side-effecting processing groups (the WebSocket {@code push}
 * processor, the {@code earnings-schedule} saga) are not in this list, so no replay can name them, stop their
 * processors, run their handlers or move their tokens. A replay runs fresh instances of these handler classes,
 * constructed here, never the Spring beans of any processor.
 */
public final class ReplayableProjections {
    /** A replayable read model: its processing group, how to build a handler on a given jOOQ context, its tables. */
    public record Spec(String name, Class<?> handlerType, BiFunction<DSLContext, ProjectionPositions, Object> factory,
                       List<String> tables) {
        public Object newHandler(DSLContext db) {
            return factory.apply(db, new ProjectionPositions(db));
        }
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        add(PlayerSummaryProjection.NAME, PlayerSummaryProjection.class, PlayerSummaryProjection::new, "player");
        add(PlayerBusinessesProjection.NAME, PlayerBusinessesProjection.class, PlayerBusinessesProjection::new,
                "business_slot");
        add(NftProjection.NAME, NftProjection.class, NftProjection::new, "nft", "nft_ownership");
        add(EarningsHistoryProjection.NAME, EarningsHistoryProjection.class, EarningsHistoryProjection::new,
                "earnings_entry", "earnings_daily");
        add(PlayerActivityProjection.NAME, PlayerActivityProjection.class, PlayerActivityProjection::new, "activity");
        add(LeaderboardProjection.NAME, LeaderboardProjection.class, LeaderboardProjection::new, "leaderboard_entry",
                "leaderboard_referral");
        add(GlobalStatsProjection.NAME, GlobalStatsProjection.class, GlobalStatsProjection::new, "global_stats",
                "stats_wallet");
        add(DiscrepancyProjection.NAME, DiscrepancyProjection.class, DiscrepancyProjection::new, "discrepancy");
    }

    /** The schema of every read-model table. */
    public static final String SCHEMA = "read_model";
    /** Where every read model records its position (one row per projection, shared by all). */
    public static final String POSITION_TABLE = "projection_position";
    /** The suffix of a table being built. */
    public static final String NEXT = "__next";

    private ReplayableProjections() {
    }

    private static void add(String name, Class<?> type, BiFunction<DSLContext, ProjectionPositions, Object> factory,
                            String... tables) {
        SPECS.put(name, new Spec(name, type, factory, List.of(tables)));
    }

    public static List<String> names() {
        return List.copyOf(SPECS.keySet());
    }

    public static boolean isReplayable(String name) {
        return SPECS.containsKey(name);
    }

    /** The spec of a replayable read model; anything else (push, sagas, typos) is refused. */
    public static Spec require(String name) {
        Spec spec = SPECS.get(name);
        if (spec == null) {
            throw new NotReplayableException(name);
        }
        return spec;
    }

    /** {@code all} (or nothing) means every read model; otherwise the named ones, each checked, in a stable order. */
    public static List<Spec> resolve(List<String> names) {
        if (names == null || names.isEmpty() || names.equals(List.of("all"))) {
            return List.copyOf(SPECS.values());
        }
        List<Spec> specs = new ArrayList<>();
        for (String name : names) {
            Spec spec = require(name);
            if (!specs.contains(spec)) {
                specs.add(spec);
            }
        }
        return specs;
    }

    public static final class NotReplayableException extends IllegalArgumentException {
        public NotReplayableException(String name) {
            super("'" + name + "' is not a replayable read model; replayable: " + String.join(", ", SPECS.keySet()));
        }
    }
}
