package com.solanamafia.projections.replay;

import com.solanamafia.projections.activity.BufferedPlayerActivity;
import com.solanamafia.projections.activity.PlayerActivityProjection;
import com.solanamafia.projections.business.BufferedPlayerBusinesses;
import com.solanamafia.projections.discrepancy.BufferedDiscrepancies;
import com.solanamafia.projections.earnings.BufferedEarningsHistory;
import com.solanamafia.projections.leaderboard.BufferedLeaderboards;
import com.solanamafia.projections.nft.BufferedNfts;
import com.solanamafia.projections.player.BufferedPlayerSummary;
import com.solanamafia.projections.stats.BufferedGlobalStats;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.LiveBatches;
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
import java.util.function.Supplier;

/**
 * The allow-list of what a replay may rebuild: the read models of this module, each with its handler class and
 * every table it writes. Nothing else can be replayed: side-effecting processing groups (the WebSocket {@code push}
 * processor, the {@code earnings-schedule} saga) are not in this list, so no replay can name them, stop their
 * processors, run their handlers or move their tokens. A replay runs fresh instances of these handler classes,
 * constructed here, never the Spring beans of any processor.
 */
public final class ReplayableProjections {
    /**
     * A replayable read model: its processing group, how to build a handler on a given jOOQ context, the same handler
     * buffering a batch's rows in memory (a replay's fast path), its tables.
     */
    public record Spec(String name, Class<?> handlerType, BiFunction<DSLContext, ProjectionPositions, Object> factory,
                       BufferedFactory bufferedFactory, List<String> tables) {
        public Object newHandler(DSLContext db) {
            return factory.apply(db, new ProjectionPositions(db));
        }

        /** {@code cachedRows}: how many keys per table it holds in memory before it starts over. */
        public BufferedReadModel newBufferedHandler(DSLContext db, int cachedRows) {
            return bufferedFactory.create(db, new ProjectionPositions(db), cachedRows);
        }
    }

    /** Builds a read model's buffered handler on a jOOQ context. */
    public interface BufferedFactory {
        BufferedReadModel create(DSLContext db, ProjectionPositions positions, int cachedRows);
    }


    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        add(PlayerSummaryProjection.NAME, PlayerSummaryProjection.class, PlayerSummaryProjection::new,
                BufferedPlayerSummary::new, "player");
        add(PlayerBusinessesProjection.NAME, PlayerBusinessesProjection.class, PlayerBusinessesProjection::new,
                BufferedPlayerBusinesses::new, "business_slot");
        add(NftProjection.NAME, NftProjection.class, NftProjection::new,
                BufferedNfts::new, "nft", "nft_ownership");
        add(EarningsHistoryProjection.NAME, EarningsHistoryProjection.class, EarningsHistoryProjection::new,
                BufferedEarningsHistory::new,
                "earnings_entry", "earnings_daily");
        add(PlayerActivityProjection.NAME, PlayerActivityProjection.class, PlayerActivityProjection::new,
                (db, positions, cachedRows) -> BufferedPlayerActivity.create(db, positions), "activity");
        add(LeaderboardProjection.NAME, LeaderboardProjection.class, LeaderboardProjection::new,
                BufferedLeaderboards::new,
                "leaderboard_entry", "leaderboard_referral");
        add(GlobalStatsProjection.NAME, GlobalStatsProjection.class, GlobalStatsProjection::new,
                BufferedGlobalStats::new, "global_stats", "stats_wallet");
        add(DiscrepancyProjection.NAME, DiscrepancyProjection.class, DiscrepancyProjection::new,
                (db, positions, cachedRows) -> BufferedDiscrepancies.create(db, positions), "discrepancy");
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
                            BufferedFactory buffered,
                            String... tables) {
        SPECS.put(name, new Spec(name, type, factory, buffered, List.of(tables)));
    }

    /**
     * The buffered models of every read model for its live processor batches ({@link LiveBatches}), writing the
     * tables of {@code db} and recording positions with {@code positions} (the processors' own).
     */
    public static LiveBatches liveBatches(DSLContext db, ProjectionPositions positions) {
        Map<Class<?>, Supplier<BufferedReadModel>> models = new LinkedHashMap<>();
        for (Spec spec : SPECS.values()) {
            models.put(spec.handlerType(), () -> spec.bufferedFactory().create(db, positions, Integer.MAX_VALUE));
        }
        return new LiveBatches(db, models);
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
