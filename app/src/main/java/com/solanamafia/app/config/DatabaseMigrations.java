package com.solanamafia.app.config;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * Each module owns one schema and its Flyway scripts (classpath:db/migration/&lt;schema&gt;), with its own
 * history table, so modules evolve independently. Runs as a singleton, before any processor starts.
 */
@Component
public class DatabaseMigrations {
    static final List<String> SCHEMAS = List.of("event_store", "ingest", "read_model", "earnings");
    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);

    public DatabaseMigrations(DataSource dataSource) {
        for (String schema : SCHEMAS) {
            int applied = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + schema)
                    .failOnMissingLocations(false)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            log.info("Schema {}: {} migration(s) applied", schema, applied);
        }
    }
}
