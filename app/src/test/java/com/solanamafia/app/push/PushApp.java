package com.solanamafia.app.push;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsAccrued;
import com.solanamafia.api.player.RecordPlayerJoined;
import com.solanamafia.app.SolanaMafia;
import com.solanamafia.testsupport.TestPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One running instance of the whole application (a separate Spring context on a random port). */
final class PushApp implements AutoCloseable {
    private static final AtomicLong SLOT = new AtomicLong(1000);

    final ConfigurableApplicationContext context;

    private PushApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static PushApp start(TestPostgres.Database db, String redisUrl, Map<String, Object> extra, Class<?>... sources) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("spring.datasource.url", db.jdbcUrl());
        props.put("spring.datasource.username", db.user());
        props.put("spring.datasource.password", db.password());
        props.put("spring.data.redis.url", redisUrl);
        props.put("solana-mafia.ingest.enabled", "false");
        props.put("solana-mafia.data-dir", tempDir().toString());
        props.put("logging.level.com.solanamafia.query.push", "DEBUG");
        props.putAll(extra);
        List<Class<?>> all = new ArrayList<>(List.of(sources));
        all.add(0, SolanaMafia.class);
        // command-line arguments: they win over application.yml (SpringApplicationBuilder.properties would not)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(args);
        return new PushApp(context);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("push-test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    EventGateway events() {
        return context.getBean(EventGateway.class);
    }

    /** Waits until the push processor has its tokens (it starts at the head, so earlier events are not pushed). */
    void awaitPushProcessor() {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from event_store.token_entry where processor_name = 'push'", Integer.class))
                .isGreaterThan(0));
    }

    static ChainFact fact() {
        return new ChainFact(new ChainPosition("sig" + UUID.randomUUID().toString().replace("-", ""), "0", 0),
                SLOT.incrementAndGet(), Instant.now());
    }

    /** A chain fact through the command side: PlayerJoined (and a discrepancy if the wallet had joined). */
    void join(Wallet wallet) {
        commands().sendAndWait(new RecordPlayerJoined(wallet, fact(), Lamports.of(1_000_000), Instant.now(), null));
    }

    /** A domain event straight onto the event bus (one message on the wallet's channel). */
    void accrue(Wallet wallet, long lamports) {
        events().publish(new EarningsAccrued(wallet, fact(), Lamports.of(lamports), Lamports.of(lamports),
                UnixTime.ofSeconds(Instant.now().getEpochSecond() + 86_400), 1));
    }

    @Override
    public void close() {
        context.close();
    }
}
