package com.firesync.runtime;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads FireSync's documented settings from the environment before anything else starts, checks each one and stops
 * start-up naming the setting when a value is unusable. A setting is taken from its environment variable, else from
 * its Spring property, else from its default.
 */
class SettingsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "firesyncSettings";

    private static final String DEFAULTS_NAME = "firesyncDefaults";

    /** A bound on {@code FIRESYNC_DB_POOL_SIZE}, far above what one instance can use. */
    static final int MAX_POOL_SIZE = 1_000;

    private static final List<Setting> SIMPLE = List.of(
            new Setting("SERVER_PORT", "server.port", "3000", "a port number between 0 and 65535",
                    SettingsEnvironment::port),
            Setting.bool("ENABLE_SCHEDULED_SYNC", "firesync.scheduled-sync", true),
            Setting.bool("ENABLE_API_DOCS", "firesync.api-docs", false),
            new Setting("FIRESYNC_LOG_FORMAT", "firesync.log-format", "text", "text or json",
                    SettingsEnvironment::logFormat));

    private static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";

    private static final Setting POOL = new Setting("FIRESYNC_DB_POOL_SIZE", "firesync.db-pool-size", "",
            "a number of connections from 1 to " + MAX_POOL_SIZE, SettingsEnvironment::connections);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new HashMap<>();
        for (Setting setting : SIMPLE) {
            values.put(setting.property(), resolve(environment, setting));
        }
        Path dataDir = dataDir(environment);
        values.put("firesync.data-dir", dataDir.toString());
        database(environment, values);
        boolean apiDocs = Boolean.parseBoolean((String) values.get("firesync.api-docs"));
        values.put("springdoc.api-docs.enabled", apiDocs);
        values.put("springdoc.swagger-ui.enabled", apiDocs);
        if ("json".equals(values.get("firesync.log-format"))) {
            values.put("logging.structured.format.console", "ecs");
        }
        if (!raw(environment, POOL.variable(), POOL.property(), "").isBlank()) {
            values.put(POOL_SIZE, resolve(environment, POOL));
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, values));
        if (!values.containsKey(POOL_SIZE)) {
            // below every other source, so that Spring's own property still wins in whichever form it was set
            environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_NAME,
                    Map.of(POOL_SIZE, defaultPoolSize(Runtime.getRuntime().availableProcessors()))));
        }
    }

    @Override
    public int getOrder() {
        // after the config files are read, before logging starts
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    private static String resolve(ConfigurableEnvironment environment, Setting setting) {
        String raw = raw(environment, setting.variable(), setting.property(), setting.defaultValue());
        try {
            return setting.parse().apply(raw);
        } catch (RuntimeException e) {
            throw new InvalidSettingException(setting.variable(), raw, setting.expectation());
        }
    }

    private static String raw(ConfigurableEnvironment environment, String variable, String property,
            String defaultValue) {
        String value = environment.getProperty(variable);
        if (value == null) {
            value = environment.getProperty(property);
        }
        return value == null ? defaultValue : value;
    }

    private static Path dataDir(ConfigurableEnvironment environment) {
        String raw = raw(environment, "FIRESYNC_DATA_DIR", "firesync.data-dir", "./data");
        try {
            if (raw.isBlank()) {
                throw new InvalidPathException(raw, "blank");
            }
            return Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSettingException("FIRESYNC_DATA_DIR", raw, "a directory path");
        }
    }

    private static void database(ConfigurableEnvironment environment, Map<String, Object> values) {
        String url = raw(environment, "FIRESYNC_DB_URL", "spring.datasource.url", "");
        boolean embedded = url.isBlank();
        if (embedded) {
            // resolved when bound, so a data directory set later (a test's dynamic property) moves the database too
            url = "jdbc:h2:file:${firesync.data-dir}/firesync" + DatabaseKind.H2_OPTIONS;
        } else if (DatabaseKind.of(url) == null) {
            throw new InvalidSettingException("FIRESYNC_DB_URL", url,
                    "a JDBC URL starting with jdbc:postgresql: or jdbc:h2:");
        }
        values.put("spring.datasource.url", url);
        values.put("spring.datasource.username",
                raw(environment, "FIRESYNC_DB_USER", "spring.datasource.username", embedded ? "sa" : ""));
        values.put("spring.datasource.password",
                raw(environment, "FIRESYNC_DB_PASSWORD", "spring.datasource.password", ""));
    }

    /**
     * Database connections per instance unless told: twice the processors plus one, HikariCP's sizing rule for a
     * database on a machine like this one. More connections than that do not read faster, they queue for the same
     * processors inside PostgreSQL: on two cores, 10 connections (Hikari's own default) against 5 doubled the
     * {@code api_read} benchmark's p99 at the same throughput (docs/benchmarks.md, 2026-12-02 morning).
     */
    static int defaultPoolSize(int processors) {
        return 2 * processors + 1;
    }

    private static String connections(String raw) {
        int size = Integer.parseInt(raw.trim());
        if (size < 1 || size > MAX_POOL_SIZE) {
            throw new IllegalArgumentException();
        }
        return Integer.toString(size);
    }

    private static String port(String raw) {
        int port = Integer.parseInt(raw.trim());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException();
        }
        return Integer.toString(port);
    }

    private static String logFormat(String raw) {
        String format = raw.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException();
        }
        return format;
    }
}
