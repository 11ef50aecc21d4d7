package com.solanamafia.app.health;

import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Health component "postgresql" (the "db" name is taken by the /health/db group). */
@Configuration(proxyBeanMethods = false)
class PostgresHealthConfiguration {

    @Bean("postgresql")
    DataSourceHealthIndicator postgresql(DataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource, "SELECT 1");
    }
}
