package com.solanamafia.app.embedded;

import com.solanamafia.app.config.SolanaMafiaProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local default: with no DATABASE_URL / spring.datasource.url the app runs real PostgreSQL binaries
 * itself, keeping the data under {@code solana-mafia.data-dir} across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SolanaMafiaProperties properties) throws IOException {
        Path dataDir = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dataDir);
        Orphans.stop(dataDir.resolve("postmaster.pid"), "postgres");
        log.info("No DATABASE_URL set: starting embedded PostgreSQL with data in {}", dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Spring closes this bean after everything that uses the database; zonky's own JVM hook would
                // stop PostgreSQL while the event processors and the scheduler are still shutting down.
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(32);
        config.setMinimumIdle(4);
        config.setPoolName("embedded-postgres");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
