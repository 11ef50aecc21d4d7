package com.solanamafia.ingest.lease;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One active ingester across app instances: a PostgreSQL session advisory lock on a connection of its own.
 * When the holder dies its connection closes and the lock is free at once; standbys try again every few
 * seconds. The {@code ingest.lease} row only tells operators who holds it. The data source must not pool
 * (a pooled connection would keep the lock after "closing").
 */
public class PostgresLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresLease.class);

    private final DataSource dataSource;
    private final String name;
    private final String owner;
    private Connection connection;

    public PostgresLease(DataSource dataSource, String name, String owner) {
        this.dataSource = dataSource;
        this.name = name;
        this.owner = owner;
    }

    public synchronized boolean tryAcquire() {
        try {
            if (connection == null || !connection.isValid(2)) {
                closeQuietly();
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        heartbeat(true);
                        return true;
                    }
                }
            }
            closeQuietly();
            return false;
        } catch (SQLException e) {
            log.warn("Cannot try the lease {}: {}", name, e.getMessage());
            closeQuietly();
            return false;
        }
    }

    /** True while our lock connection is alive (the lock lives and dies with it). */
    public synchronized boolean isHeld() {
        try {
            if (connection == null || !connection.isValid(2)) {
                return false;
            }
            heartbeat(false);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void heartbeat(boolean acquired) throws SQLException {
        String sql = "INSERT INTO ingest.lease (name, owner, acquired_at, heartbeat_at) VALUES (?, ?, now(), now()) "
                + "ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, heartbeat_at = now()"
                + (acquired ? ", acquired_at = now()" : "");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    public String owner() {
        return owner;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the lock goes with the connection either way
            }
            connection = null;
        }
    }
}
