package com.solanamafia.app.ingest;

import com.solanamafia.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with the real jar, part 2 of issue #4's twenty kills: once the history is ingested, SIGKILL at random
 * points of live ingest (new transactions arriving during every run), ten times, then one clean run; the event store
 * must hold exactly what an uninterrupted run holds.
 */
class CrashDuringLiveIngestIT {
    @RegisterExtension
    static final IngestedChain ingested = new IngestedChain(400);

    @Test
    void tenHardKillsDuringLiveIngestConvergeToTheUninterruptedResult() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("crash_live");
        ingested.assertAnUninterruptedRunConverges(db);
        int kills = ingested.killRepeatedly(db, 10, new Random(11), 800, 60);
        assertThat(kills).as("kills that hit a running ingester").isGreaterThanOrEqualTo(8);
        ingested.assertAnUninterruptedRunConverges(db);
    }
}
