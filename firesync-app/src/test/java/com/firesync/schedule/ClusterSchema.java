package com.firesync.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL schema of its own for a cluster test's instances ({@code FIRESYNC_TEST_DB_*}, the local server by
 * default), named after the test and its process so that runs beside each other never share one, and the test's
 * reads and writes in it.
 */
final class ClusterSchema {

    private final String url = env("FIRESYNC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private final String user = env("FIRESYNC_TEST_DB_USER", "postgres");

    private final String password = env("FIRESYNC_TEST_DB_PASSWORD", "");

    private final String name;

    /** @param prefix the test's prefix, such as {@code fs_cluster_} */
    ClusterSchema(String prefix) {
        this.name = prefix + ProcessHandle.current().pid();
    }

    String name() {
        return name;
    }

    void create() throws SQLException {
        execute("CREATE SCHEMA " + name);
    }

    /** Drops the schema; one that cannot be dropped now is left for the next run's database. */
    void drop() {
        try {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            // left for the next run's database
        }
    }

    /**
     * What an instance on this schema is given in its environment: the database, the keyset, the sandbox's Powens
     * routes under {@code sandboxRoot} ({@code http://host:port/sandbox}), and no scheduled sync of its own.
     */
    Map<String, String> environment(ClusterSeed seed, String sandboxRoot) {
        Map<String, String> environment = new HashMap<>();
        environment.put("FIRESYNC_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
        environment.put("FIRESYNC_DB_USER", user);
        environment.put("FIRESYNC_DB_PASSWORD", password);
        environment.put("FIRESYNC_ENCRYPTION_KEY", seed.keysetJson());
        environment.put("POWENS_BASE_URL", sandboxRoot + "/2.0");
        environment.put("POWENS_WEBVIEW_URL", sandboxRoot + "/webview");
        environment.put("ENABLE_SCHEDULED_SYNC", "false");
        return environment;
    }

    /** The argument that has an instance migrate this schema. */
    String flywaySchemas() {
        return "--spring.flyway.schemas=" + name;
    }

    /** A connection whose unqualified names are this schema's. */
    Connection connect() throws SQLException {
        Connection db = DriverManager.getConnection(url, user, password);
        db.setSchema(name);
        return db;
    }

    void execute(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password); var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every row of the query, one line each with its columns named, for a failure's message. */
    String rows(String sql) throws SQLException {
        var text = new StringBuilder();
        try (Connection db = connect();
                var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            var columns = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    text.append(i == 1 ? "" : ", ").append(columns.getColumnLabel(i)).append('=')
                            .append(rs.getString(i));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** The first column of the query's first row, a whole number. */
    long count(String sql) throws SQLException {
        return first(sql, rs -> rs.getLong(1));
    }

    /** The first column of the query's first row. */
    double number(String sql) throws SQLException {
        return first(sql, rs -> rs.getDouble(1));
    }

    private <T> T first(String sql, Column<T> column) throws SQLException {
        try (Connection db = connect();
                var statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return column.read(rs);
        }
    }

    /** Reads a value from the current row. */
    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
