package com.firesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/**
 * FireSync in a child JVM, for tests that kill it: started with the given environment, stopped with SIGKILL.
 */
public final class FireSyncProcess implements AutoCloseable {

    private final Process process;

    private final int port;

    private FireSyncProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts FireSync on a free port and waits until it answers its health check.
     *
     * @param environment FireSync's settings, as environment variables
     * @param log where its console output goes
     */
    public static FireSyncProcess start(Map<String, String> environment, Path log) {
        return start(environment, log, "-Xmx384m");
    }

    /**
     * Starts FireSync with the given heap limit ({@code -Xmx96m}), to measure what fits in it.
     */
    public static FireSyncProcess start(Map<String, String> environment, Path log, String maxHeap) {
        return start(environment, log, List.of(maxHeap, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "com.firesync.FireSyncApplication"));
    }

    /**
     * Starts the packaged jar ({@code target/firesync.jar}), as an operator runs it: for tests that run after
     * {@code package} (the {@code integration-test} phase).
     */
    public static FireSyncProcess startPackaged(Map<String, String> environment, Path log) {
        Path jar = Path.of("target", "firesync.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is not built: run these tests with ./mvnw verify");
        }
        return start(environment, log, List.of("-Xmx384m", "-jar", jar.toString()));
    }

    private static FireSyncProcess start(Map<String, String> environment, Path log, List<String> arguments) {
        int port = FreePort.next();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5");
        try {
            var started = new FireSyncProcess(builder.start(), port);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> !started.process.isAlive()
                            || started.http().get("/actuator/health", null).status() == 200);
            if (!started.process.isAlive()) {
                throw new IllegalStateException("FireSync exited at start-up; see " + log);
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Http http() {
        return Http.local(port);
    }

    public int port() {
        return port;
    }

    /**
     * SIGKILL: no shutdown hook runs, nothing is flushed, as in a crash.
     */
    public void kill() {
        process.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

}
