package com.solanamafia.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests: the one named by {@code TEST_PG_URL} (an admin JDBC URL, as .ci/run
 * sets it), or else embedded PostgreSQL binaries started once per JVM. Each caller gets a fresh database.
 */
public final class TestPostgres {
    private static Server server;

    private TestPostgres() {
    }

    public record Server(String host, int port, String user, String password) {
        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public record Database(String name, String jdbcUrl, String user, String password) {
        public HikariDataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(8);
            return new HikariDataSource(config);
        }

        /** Points a Spring test context at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::jdbcUrl);
            registry.add("spring.datasource.username", this::user);
            registry.add("spring.datasource.password", this::password);
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = startOrConnect();
        }
        return server;
    }

    /** Creates an empty database on the test server. */
    public static Database freshDatabase(String purpose) {
        Server s = server();
        String name = ("t_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(s.jdbcUrl("postgres"), s.user(), s.password())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s, e);
        }
        return new Database(name, s.jdbcUrl(name), s.user(), s.password());
    }

    private static Server startOrConnect() {
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("TEST_PG_USER", "postgres");
            String password = envOr("TEST_PG_PASSWORD", "");
            String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
            String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
            return new Server(host, port, user, password);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("localhost", pg.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL and TEST_PG_URL is not set", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
