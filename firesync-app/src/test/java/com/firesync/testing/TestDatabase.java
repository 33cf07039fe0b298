package com.firesync.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: a fresh in-memory H2 database, or, when the system
 * property {@code firesync.test.database} is {@code postgresql}, a fresh schema in the local PostgreSQL
 * ({@code FIRESYNC_TEST_DB_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code FIRESYNC_TEST_DB_USER} default {@code postgres}, password {@code FIRESYNC_TEST_DB_PASSWORD}). The schema is
 * dropped when the JVM exits. Also gives the context a temporary data directory. Sets the final Spring properties, as
 * it runs after FireSync's settings were read from the environment.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("firesync.test.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "fs_test_" + ProcessHandle.current().pid() + "_" + CONTEXTS.incrementAndGet();
        Map<String, Object> properties = isPostgres() ? postgres(name) : h2(name);
        properties.put("firesync.data-dir", dataDir(name).toString());
        // many contexts stay cached during a run: small pools keep them under PostgreSQL's connection limit
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    private static Map<String, Object> h2(String name) {
        return new java.util.HashMap<>(Map.of("spring.datasource.url",
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH",
                "spring.datasource.username", "sa", "spring.datasource.password", ""));
    }

    private static Map<String, Object> postgres(String schema) {
        String url = env("FIRESYNC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("FIRESYNC_TEST_DB_USER", "postgres");
        String password = env("FIRESYNC_TEST_DB_PASSWORD", "");
        execute(url, user, password, "CREATE SCHEMA " + schema);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE")));
        String separator = url.contains("?") ? "&" : "?";
        return new java.util.HashMap<>(Map.of("spring.datasource.url", url + separator + "currentSchema=" + schema,
                "spring.datasource.username", user, "spring.datasource.password", password, "spring.flyway.schemas",
                schema));
    }

    /**
     * A database of its own for FireSync processes a test starts: their settings as environment variables (a fresh
     * PostgreSQL schema, or an H2 file in {@code dir} that several processes may open one after another).
     */
    public static Map<String, String> forChildProcesses(String name, Path dir) {
        if (!isPostgres()) {
            String url = "jdbc:h2:file:" + dir.resolve(name) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            return Map.of("FIRESYNC_DB_URL", url, "FIRESYNC_DB_USER", "sa", "FIRESYNC_DB_PASSWORD", "");
        }
        Map<String, Object> postgres = postgres(name);
        return Map.of("FIRESYNC_DB_URL", (String) postgres.get("spring.datasource.url"), "FIRESYNC_DB_USER",
                (String) postgres.get("spring.datasource.username"), "FIRESYNC_DB_PASSWORD",
                (String) postgres.get("spring.datasource.password"), "SPRING_FLYWAY_SCHEMAS", name);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database at " + url + ": " + e.getMessage(), e);
        }
    }

    private static Path dataDir(String name) {
        try {
            return Files.createTempDirectory("firesync-" + name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
