package com.solanamafia.testsupport;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Applies each module's Flyway scripts, one schema and history table per module, as the app does. */
public final class SchemaMigrations {
    public static final String[] SCHEMAS = {"event_store", "ingest", "read_model", "earnings"};

    private SchemaMigrations() {
    }

    public static void migrate(DataSource dataSource, String... schemas) {
        for (String schema : schemas.length == 0 ? SCHEMAS : schemas) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + schema)
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
        }
    }
}
