package com.solanamafia.projections.discrepancy;

import com.solanamafia.api.discrepancy.ChainDiscrepancyDetected;
import com.solanamafia.api.query.discrepancy.DiscrepancyPage;
import com.solanamafia.api.query.discrepancy.DiscrepancyView;
import com.solanamafia.api.query.discrepancy.FindDiscrepancies;
import com.solanamafia.projections.support.Feed;
import com.solanamafia.projections.support.ReadModelDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.solanamafia.projections.jooq.Tables.DISCREPANCY;
import static com.solanamafia.projections.support.ReadModelDb.ALICE;
import static com.solanamafia.projections.support.ReadModelDb.BOB;
import static com.solanamafia.projections.support.ReadModelDb.fact;
import static org.assertj.core.api.Assertions.assertThat;

class DiscrepancyProjectionTest {
    static ReadModelDb rm;
    Feed feed;
    DiscrepancyQueries queries;

    @BeforeAll
    static void database() {
        rm = ReadModelDb.fresh("discrepancies");
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @BeforeEach
    void fresh() {
        feed = new Feed(new DiscrepancyProjection(rm.db, rm.positions));
        feed.reset();
        queries = new DiscrepancyQueries(rm.db, rm.positions);
        feed.send(new ChainDiscrepancyDetected(ALICE, fact("a", 5, "2026-05-01T00:00:00Z"), "player-joined-twice", "r1"),
                new ChainDiscrepancyDetected(BOB, fact("b", 6, null), "unknown-slot", "r2"),
                new ChainDiscrepancyDetected(ALICE, fact("c", 7, null), "unknown-slot", "r3"));
    }

    @Test
    void newestFirstWithFilters() {
        DiscrepancyPage all = queries.handle(new FindDiscrepancies(null, null, 10, null));
        assertThat(all.discrepancies()).extracting(DiscrepancyView::reason).containsExactly("r3", "r2", "r1");
        assertThat(all.discrepancies().get(2).rule()).isEqualTo("player-joined-twice");
        assertThat(all.discrepancies().get(2).slot()).isEqualTo(5);
        assertThat(queries.handle(new FindDiscrepancies(ALICE, null, 10, null)).discrepancies())
                .extracting(DiscrepancyView::reason).containsExactly("r3", "r1");
        assertThat(queries.handle(new FindDiscrepancies(ALICE, "unknown-slot", 10, null)).discrepancies())
                .extracting(DiscrepancyView::reason).containsExactly("r3");
        DiscrepancyPage first = queries.handle(new FindDiscrepancies(null, null, 2, null));
        assertThat(first.nextCursor()).isEqualTo("2");
        assertThat(queries.handle(new FindDiscrepancies(null, null, 2, first.nextCursor())).discrepancies())
                .extracting(DiscrepancyView::reason).containsExactly("r1");
    }

    @Test
    void replayingEveryEventChangesNothing() {
        String once = rm.snapshot(DISCREPANCY);
        feed.replay();
        assertThat(rm.snapshot(DISCREPANCY)).isEqualTo(once);
    }
}
