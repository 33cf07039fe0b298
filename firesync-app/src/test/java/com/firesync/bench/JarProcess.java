package com.firesync.bench;

import com.firesync.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The built jar ({@code target/firesync.jar}) in a process of its own, as an operator runs it: FireSync or the
 * standalone sandbox. Knows its start-up time and reads its resident memory from {@code /proc}.
 */
final class JarProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "firesync.jar");

    /** The launcher README.md documents (the module's tests run in firesync-app). */
    static final Path SCRIPT = Path.of("..", "scripts", "firesync.sh");

    /** The JDK the build runs the benchmarks on, which also runs every process they start. */
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;

    private final int port;

    private final Duration startup;

    private JarProcess(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    /**
     * Starts the jar and waits until {@code readyPath} answers 200.
     *
     * @param jvm JVM options, such as {@code -Xmx256m}
     * @param arguments program arguments ({@code sandbox ...} for the sandbox)
     * @param environment settings as environment variables; {@code SERVER_PORT} is added
     */
    static JarProcess start(String name, List<String> jvm, List<String> arguments, Map<String, String> environment,
            String readyPath, Path logs) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the benchmarks run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvm);
        command.addAll(recording(name, logs));
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        return launch(name, command, environment, readyPath, logs);
    }

    /**
     * Starts FireSync the way README.md tells an operator to, {@code scripts/firesync.sh} (the extracted jar with the
     * build's AOT cache), on the build's JDK, and waits until {@code readyPath} answers 200.
     *
     * @param jvm JVM options, passed in {@code JAVA_OPTS}, with {@code -Dbench.jvm}'s when given (options for profiling
     *     the measured processes, such as {@code -XX:NativeMemoryTracking=summary})
     */
    static JarProcess startAsDocumented(String name, List<String> jvm, Map<String, String> environment,
            String readyPath, Path logs) {
        Map<String, String> launcher = new HashMap<>(environment);
        launcher.put("JAVA_HOME", System.getProperty("java.home"));
        List<String> options = new ArrayList<>(jvm);
        options.addAll(recording(name, logs));
        String profiling = System.getProperty("bench.jvm", "").strip();
        if (!profiling.isEmpty()) {
            options.add(profiling);
        }
        launcher.put("JAVA_OPTS", String.join(" ", options));
        return launch(name, List.of(SCRIPT.toString()), launcher, readyPath, logs);
    }

    /** {@code -Dbench.jfr=true}: a flight recording of every process, for profiling (target/bench/logs/*.jfr). */
    private static List<String> recording(String name, Path logs) {
        return Boolean.getBoolean("bench.jfr")
                ? List.of("-XX:StartFlightRecording=settings=profile,filename="
                        + logs.resolve(name + ".jfr").toAbsolutePath())
                : List.of();
    }

    private static JarProcess launch(String name, List<String> launch, Map<String, String> environment,
            String readyPath, Path logs) {
        int port = FreePort.next();
        List<String> command = new ArrayList<>(launch);
        command.add("--server.port=" + port);
        try {
            Files.createDirectories(logs);
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(name + ".log").toFile());
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            var uri = URI.create("http://127.0.0.1:" + port + readyPath);
            try {
                Awaitility.await(name + " start-up")
                        // generous: on a machine shared with other builds a start has taken three minutes
                        .atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(20))
                        .pollDelay(Duration.ZERO)
                        .ignoreExceptions()
                        .until(() -> !process.isAlive() || ready(uri));
            } catch (RuntimeException e) {
                // a start that never became ready must not outlive the run
                process.destroyForcibly();
                throw e;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start-up; see " + logs.resolve(name + ".log"));
            }
            return new JarProcess(process, port, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ready(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                BodyHandlers.discarding()).statusCode() == 200;
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** From the process's launch to its first healthy answer. */
    Duration startup() {
        return startup;
    }

    /** Resident memory now, in MiB. */
    double rssMb() {
        return status("VmRSS:");
    }

    /** The most resident memory the process ever had (its high-water mark), in MiB. */
    double peakRssMb() {
        return status("VmHWM:");
    }

    private double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) / 1024.0;
                }
            }
            throw new IllegalStateException("No " + field + " in /proc status");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the memory of process " + process.pid(), e);
        }
    }

    /** A graceful stop (SIGTERM), then waits for the process to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

}
