package com.solanamafia.app.ingest;

import com.solanamafia.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;

import static com.solanamafia.app.ingest.IngestedChain.LEASE_ACQUIRED;
import static com.solanamafia.app.ingest.IngestedChain.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with the real jar: SIGKILL at random points during backfill and during live ingest, 20 times,
 * then one clean run; the event store must hold exactly what an uninterrupted run holds.
 */
class CrashRestartIT {
    private static final Logger log = LoggerFactory.getLogger(CrashRestartIT.class);
    static IngestedChain ingested;

    @BeforeAll
    static void startChain() throws Exception {
        ingested = IngestedChain.generate(2500);
    }

    @AfterAll
    static void stopChain() {
        ingested.close();
    }

    @Test
    void twentyHardKillsConvergeToTheUninterruptedResult() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("crash");
        Random random = new Random(7);
        int killsDuringIngest = 0;
        for (int run = 0; run < 20; run++) {
            boolean live = run >= 10;
            AppProcess app = ingested.start(db);
            try {
                if (app.awaitLog(LEASE_ACQUIRED, STARTUP)) {
                    killsDuringIngest++;
                }
                if (live) {
                    ingested.chain.generateGameTransactions(60);
                }
                Thread.sleep(random.nextInt(live ? 800 : 1500));
            } finally {
                app.killHard();
            }
            log.info("run {}: killed ({} live)", run, live ? "during" : "before");
        }
        assertThat(killsDuringIngest).as("kills that hit a running ingester").isGreaterThanOrEqualTo(15);

        AppProcess last = ingested.start(db);
        try {
            ingested.assertConverged(db);
        } finally {
            last.stop();
        }
    }
}
