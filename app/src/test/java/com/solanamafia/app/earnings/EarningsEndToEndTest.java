package com.solanamafia.app.earnings;

import com.solanamafia.sim.fault.FaultConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The earnings loop ({@link EarningsLoop}) pays every due window once and on time, RPC faults included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarningsEndToEndTest {
    static EarningsLoop loop;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        loop = EarningsLoop.start(registry, "earnings_e2e");
    }

    @AfterAll
    static void stop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Order(1)
    void everyDueWindowIsPaidExactlyOnceAndOnTime() {
        // players join and buy at spread times; two updates of a player make a pair (the second one's window was
        // scheduled from the first one's confirmation), three players' pairs are enough here and the next test
        // adds more
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, List<EarningsLoop.Update>> u = loop.updatesOnChain();
            return u.size() >= 4 && u.values().stream().filter(l -> l.size() >= 2).count() >= 3;
        });
        loop.assertWindowsPaidOnceAndOnTime(jdbc);
    }

    @Test
    @Order(2)
    void rpcFaultsDelayButDoNotLoseUpdates() {
        int total = loop.updateCount();
        loop.sim.setFaults(FaultConfig.parse("rate429=0.2,retryAfter=1,http5xx=0.2,malformed=0.1,latencyMs=20"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> loop.updateCount() >= total + 5);
        loop.sim.setFaults(FaultConfig.NONE);
        // retried 429s (Retry-After 1 s = 1 h of chain time each) and 5xx answers make updates later, not lost
        loop.assertWindowsPaidOnceAndOnTime(jdbc, 16 * 3600);
    }
}
