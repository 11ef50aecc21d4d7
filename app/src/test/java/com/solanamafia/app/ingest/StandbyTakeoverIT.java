package com.solanamafia.app.ingest;

import com.solanamafia.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static com.solanamafia.app.ingest.IngestedChain.LEASE_ACQUIRED;
import static com.solanamafia.app.ingest.IngestedChain.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of the real jar: only the lease holder ingests, and when it dies the standby takes over with nothing lost. */
class StandbyTakeoverIT {
    private static final Logger log = LoggerFactory.getLogger(StandbyTakeoverIT.class);
    @RegisterExtension
    static final IngestedChain ingested = new IngestedChain(2500);

    @Test
    void theStandbyTakesOverWhenTheLeaseHolderDies() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("failover");
        AppProcess first = ingested.start(db);
        AppProcess second = null;
        try {
            assertThat(first.awaitLog(LEASE_ACQUIRED, STARTUP)).isTrue();
            second = ingested.start(db);
            assertThat(second.awaitLog("Started SolanaMafia", STARTUP)).isTrue();
            assertThat(second.logText()).doesNotContain(LEASE_ACQUIRED);
            ingested.chain.generateGameTransactions(100);
            first.killHard();
            long killedAt = System.nanoTime();
            assertThat(second.awaitLog(LEASE_ACQUIRED, Duration.ofSeconds(30))).isTrue();
            log.info("standby took over {} ms after the kill", (System.nanoTime() - killedAt) / 1_000_000);
            ingested.chain.generateGameTransactions(100);
            ingested.assertConverged(db);
        } finally {
            first.killHard();
            if (second != null) {
                second.stop();
            }
        }
    }
}
