package com.solanamafia.app.ingest;

import com.solanamafia.app.PackagedJar;
import com.solanamafia.testsupport.TestPostgres;
import com.solanamafia.testsupport.TestRedis;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar solana-mafia.jar backfill}: records the whole history, shows progress, and exits. */
class BackfillCommandIT {
    @RegisterExtension
    static final IngestedChain ingested = new IngestedChain(2500);

    @Test
    void theBackfillCommandRecordsTheHistoryWithAProgressBarAndExits() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("backfill_cli");
        List<String> command = new ArrayList<>(PackagedJar.command("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.add("backfill");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ingested.workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("DATABASE_URL", db.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", db.user(),
                "SPRING_DATASOURCE_PASSWORD", db.password(), "REDIS_URL", TestRedis.url(), "SOLANA_RPC_URL", ingested.chain.rpcUrl(),
                "SOLANA_WS_URL", ingested.chain.wsUrl(), "SOLANA_MAFIA_DATA_DIR", ingested.workDir.resolve("data").toString(),
                "SOLANA_MAFIA_EARNINGS_ENABLED", "false"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        int expected = ingested.expected().size();
        assertThat(output).contains("[##############################] 100%").contains("Backfill done").contains(expected + " events recorded");
        try (HikariDataSource ds = db.dataSource()) {
            assertThat(ExpectedChainEvents.fromEventStore(new JdbcTemplate(ds))).containsExactlyElementsOf(
                    ingested.expected());
        }
    }
}
