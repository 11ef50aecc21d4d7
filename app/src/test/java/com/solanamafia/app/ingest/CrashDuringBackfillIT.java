package com.solanamafia.app.ingest;

import com.solanamafia.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with the real jar, part 1 of issue #4's twenty kills: SIGKILL at random points of a backfill of 2,500
 * transactions, ten times, then one clean run; the event store must hold exactly what an uninterrupted run holds.
 * ({@link CrashDuringLiveIngestIT} is the other ten; the two classes run in parallel.)
 */
class CrashDuringBackfillIT {
    @RegisterExtension
    static final IngestedChain ingested = new IngestedChain(2500);

    @Test
    void tenHardKillsDuringBackfillConvergeToTheUninterruptedResult() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("crash_backfill");
        int kills = ingested.killRepeatedly(db, 10, new Random(7), 1500, 0);
        assertThat(kills).as("kills that hit a running ingester").isGreaterThanOrEqualTo(8);
        ingested.assertAnUninterruptedRunConverges(db);
    }
}
