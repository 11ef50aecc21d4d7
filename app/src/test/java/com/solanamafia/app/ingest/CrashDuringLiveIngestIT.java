package com.solanamafia.app.ingest;

import com.solanamafia.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with the real jar, part 2 of issue #4's twenty kills: once the history is ingested, SIGKILL at random
 * points of live ingest (new transactions arriving during every run), ten times, then one clean run; the event store
 * must hold exactly what an uninterrupted run holds.
 */
class CrashDuringLiveIngestIT {
    static IngestedChain ingested;

    @BeforeAll
    static void startChain() throws Exception {
        ingested = IngestedChain.generate(400);
    }

    @AfterAll
    static void stopChain() {
        ingested.close();
    }

    @Test
    void tenHardKillsDuringLiveIngestConvergeToTheUninterruptedResult() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("crash_live");
        ingested.assertAnUninterruptedRunConverges(db);
        int kills = ingested.killRepeatedly(db, 10, new Random(11), 800, 60);
        assertThat(kills).as("kills that hit a running ingester").isGreaterThanOrEqualTo(8);
        ingested.assertAnUninterruptedRunConverges(db);
    }
}
