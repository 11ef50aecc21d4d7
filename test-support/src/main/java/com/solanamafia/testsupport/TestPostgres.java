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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests: the one named by {@code TEST_PG_URL} (an admin JDBC URL, as .ci/run
 * sets it), or else embedded PostgreSQL binaries started once per JVM. Each caller gets a fresh database, dropped
 * when the JVM exits ({@code TEST_PG_KEEP=true} keeps them for inspection): a long-lived server that had
 * collected 511 test databases made a whole test run 30 % slower (autovacuum visits every database each minute).
 */
public final class TestPostgres {
    private static Server server;
    private static final List<String> created = new ArrayList<>();
    private static boolean embedded;

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
        dropAtExit(name);
        return new Database(name, s.jdbcUrl(name), s.user(), s.password());
    }

    private static synchronized void dropAtExit(String name) {
        if (embedded || Boolean.parseBoolean(System.getenv("TEST_PG_KEEP"))) {
            return;   // an embedded server goes away with the JVM, databases and all
        }
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
        }
        created.add(name);
    }

    private static synchronized void dropCreated() {
        Server s = server;
        try (Connection c = DriverManager.getConnection(s.jdbcUrl("postgres"), s.user(), s.password())) {
            for (String name : created) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("test databases left on " + s + ": " + e.getMessage());
        }
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
            embedded = true;
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
