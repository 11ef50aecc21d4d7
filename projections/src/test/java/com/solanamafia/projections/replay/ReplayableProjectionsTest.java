package com.solanamafia.projections.replay;

import com.solanamafia.projections.support.ReadModelDb;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay allow-list: only this module's read models, each with every table it owns. */
class ReplayableProjectionsTest {

    @Test
    void onlyReadModelsAreReplayable() {
        assertThat(ReplayableProjections.names()).containsExactly("player-summary", "player-businesses", "nfts",
                "earnings-history", "player-activity", "leaderboards", "global-stats", "discrepancies");
        for (String name : List.of("push", "earnings-schedule", "EarningsScheduleSaga", "", "all ")) {
            assertThat(ReplayableProjections.isReplayable(name)).isFalse();
            assertThatThrownBy(() -> ReplayableProjections.require(name))
                    .isInstanceOf(ReplayableProjections.NotReplayableException.class);
            assertThatThrownBy(() -> ReplayableProjections.resolve(List.of("nfts", name)))
                    .isInstanceOf(ReplayableProjections.NotReplayableException.class);
        }
        assertThat(ReplayableProjections.resolve(List.of("all"))).hasSize(8);
    }

    @Test
    void eachSpecIsItsProcessingGroupsHandlerInThisModule() {
        for (String name : ReplayableProjections.names()) {
            ReplayableProjections.Spec spec = ReplayableProjections.require(name);
            assertThat(spec.handlerType().getAnnotation(ProcessingGroup.class).value()).isEqualTo(name);
            assertThat(spec.handlerType().getPackageName()).startsWith("com.solanamafia.projections.");
        }
    }

    @Test
    void everyReadModelTableBelongsToExactlyOneReplayableReadModel() {
        try (ReadModelDb db = ReadModelDb.fresh("replay_allow_list")) {
            List<String> tables = db.db.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' "
                    + "AND tablename NOT IN ('projection_position', 'flyway_schema_history') "
                    + "AND tablename NOT LIKE 'replay\\_%' ORDER BY 1").getValues(0, String.class);
            List<String> covered = new ArrayList<>();
            for (String name : ReplayableProjections.names()) {
                covered.addAll(ReplayableProjections.require(name).tables());
            }
            assertThat(covered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tables);
        }
    }
}
