package com.firesync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL server the benchmarks run on: the tests' server ({@code FIRESYNC_TEST_DB_URL}, {@code _USER},
 * {@code _PASSWORD}), with a database of its own per scenario, created empty. {@code -Dbench.db.suffix} (letters,
 * digits and underscores; empty by default) is appended to every name, so that runs in several checkouts on one
 * server do not drop each other's databases.
 */
final class BenchDatabase {

    private final String serverUrl;

    private final String user;

    private final String password;

    private final String name;

    private BenchDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Drops and creates the database {@code name}, with {@code -Dbench.db.suffix} appended. */
    static BenchDatabase fresh(String scenario) {
        String name = scenario + suffix();
        String url = env("FIRESYNC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("FIRESYNC_TEST_DB_USER", "postgres");
        String password = env("FIRESYNC_TEST_DB_PASSWORD", "");
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the benchmark database at " + url + ": " + e.getMessage(),
                    e);
        }
        return new BenchDatabase(url, user, password, name);
    }

    String url() {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** FireSync's settings for this database. */
    Map<String, String> fireSyncEnvironment() {
        return Map.of("FIRESYNC_DB_URL", url(), "FIRESYNC_DB_USER", user, "FIRESYNC_DB_PASSWORD", password);
    }

    /** libpq's settings (for pgbench) for this database. */
    Map<String, String> libpqEnvironment() {
        var uri = java.net.URI.create(url().substring("jdbc:".length()));
        return Map.of("PGHOST", uri.getHost(), "PGPORT", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "PGUSER", user, "PGPASSWORD", password, "PGDATABASE", name);
    }

    private static String suffix() {
        String suffix = System.getProperty("bench.db.suffix", "");
        if (!suffix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("bench.db.suffix holds letters, digits and underscores, not " + suffix);
        }
        return suffix;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
