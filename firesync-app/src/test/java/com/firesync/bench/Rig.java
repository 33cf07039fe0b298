package com.firesync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * What every scenario sets up the same way: the standalone sandbox, FireSync's settings pointing at it and at a
 * PostgreSQL database, and waits on the database.
 */
final class Rig {

    /** Where logs, data directories and results go. */
    static final Path DIR = Path.of("target", "bench");

    static final Path LOGS = DIR.resolve("logs");

    private Rig() {
    }

    /** The standalone sandbox with its control route on, in 1 GB of heap. */
    static JarProcess sandbox(String name, String... settings) {
        return sandboxWithHeap(name, "-Xmx1g", settings);
    }

    /** The standalone sandbox with its control route on, in a heap of {@code heap} ({@code -Xmx...}). */
    static JarProcess sandboxWithHeap(String name, String heap, String... settings) {
        var arguments = new java.util.ArrayList<>(List.of("sandbox", "--firesync.sandbox.control=true",
                // three accounts per connection, as every figure in docs/benchmarks.md was measured with
                "--firesync.sandbox.accounts-per-connection=3"));
        arguments.addAll(List.of(settings));
        return JarProcess.start(name, List.of(heap, "-XX:+UseParallelGC"), arguments, Map.of(),
                "/sandbox/stats",
                LOGS);
    }

    /**
     * FireSync's settings for a benchmark: the database, the sandbox, the provider-wide rate limit, no job firing
     * during the run (their first runs are a day away), and no per-token API limit (the load comes from one token).
     */
    static Map<String, String> fireSync(BenchDatabase database, JarProcess sandbox, Path dataDir,
            double providerRequestsPerSecond) {
        Map<String, String> environment = new HashMap<>(database.fireSyncEnvironment());
        environment.put("FIRESYNC_DATA_DIR", dataDir.toString());
        environment.put("FIRESYNC_SANDBOX_ENABLED", "false");
        environment.put("POWENS_BASE_URL", sandbox.base() + "/sandbox/2.0");
        environment.put("POWENS_WEBVIEW_URL", sandbox.base() + "/sandbox/webview");
        environment.put("FIRESYNC_PROVIDER_RATELIMIT_REQUESTSPERSECOND", Double.toString(providerRequestsPerSecond));
        environment.put("FIRESYNC_SCHEDULE_PERIODICSYNC", "24h");
        environment.put("FIRESYNC_SCHEDULE_HEALTHCHECK", "24h");
        environment.put("FIRESYNC_SCHEDULE_TOKENREFRESH", "24h");
        environment.put("FIRESYNC_SECURITY_RATELIMIT_REQUESTSPERMINUTE", "100000000");
        environment.put("FIRESYNC_SECURITY_RATELIMIT_BURST", "10000000");
        return environment;
    }

    /** A clean directory under target/bench. */
    static Path directory(String name) {
        Path dir = DIR.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String adminToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("admin-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a database condition, polling often so that the wait adds little to what is timed. */
    static void await(String what, Duration atMost, SqlCondition condition) {
        Awaitility.await(what)
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> condition.holds());
    }

    /** A condition read from the database. */
    @FunctionalInterface
    interface SqlCondition {
        boolean holds() throws SQLException;
    }
}
