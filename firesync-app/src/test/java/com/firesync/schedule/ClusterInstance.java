package com.firesync.schedule;

import com.firesync.testing.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One FireSync instance in a child JVM of its own, on the test's classpath, killed or stopped by the test.
 */
final class ClusterInstance implements AutoCloseable {

    private final Process process;

    private final int port;

    private final Path dataDir;

    private ClusterInstance(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static ClusterInstance start(String name, Map<String, String> environment, List<String> arguments)
            throws IOException {
        int port = FreePort.next();
        Path dataDir = Files.createTempDirectory("firesync-cluster-" + name);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Pacific/Auckland", "-cp",
                System.getProperty("java.class.path"), "com.firesync.FireSyncApplication",
                "--server.port=" + port));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("out.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("FIRESYNC_DATA_DIR", dataDir.toString());
        builder.environment().put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "8");
        return new ClusterInstance(builder.start(), port, dataDir);
    }

    long pid() {
        return process.pid();
    }

    /** Whether it answers its liveness probe. */
    boolean live() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String adminToken() throws IOException {
        return Files.readString(dataDir.resolve("admin-token")).strip();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(dataDir.resolve("out.log"));
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGTERM, as an orchestrator stops an instance: Spring's graceful shutdown runs.
     *
     * @return how long the process took to exit
     */
    Duration stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        process.waitFor();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

}
