import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's AOT training run (firesync-app/pom.xml, docs/benchmarks.md#memory), run by the JDK's source launcher on
 * the build's JDK: starts the extracted jar on a throw-away embedded default with {@code -XX:AOTCacheOutput}, waits
 * until it is ready, asks it what a first visit asks (health, the dashboard, the API as the admin), then stops it, and
 * the JDK writes at exit its cache of the classes loaded and linked and of their profiles. A cache trained past the
 * context's refresh (Tomcat's start, the scheduler, the first requests) holds those classes too: on the development
 * machine it started FireSync no sooner than one trained up to the refresh only, with about 10 MB less idle memory.
 *
 * <p>Arguments: the jar, the cache to write, the data directory, the log file. A JDK without AOT caches ignores the
 * option and writes none.
 */
class AotTraining {

    static final Duration START = Duration.ofMinutes(5);

    static final List<String> VISIT = List.of("/actuator/health/readiness", "/", "/dashboard/app.js",
            "/api/sync/status", "/api/accounts", "/api/transactions", "/api/analytics/net-worth", "/actuator/health",
            "/actuator/prometheus");

    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        Path data = Path.of(args[2]);
        Path log = Path.of(args[3]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-XX:+IgnoreUnrecognizedVMOptions", "-XX:AOTCacheOutput=" + cache,
                "-Xmx256m", "-jar", jar.toString(), "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("FIRESYNC_DATA_DIR", data.toString());
        Process fireSync = builder.start();
        try {
            int port = port(fireSync, log);
            var http = HttpClient.newHttpClient();
            String token = Files.readString(data.resolve("admin-token")).strip();
            for (String path : VISIT) {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build();
                int status = http.send(request, BodyHandlers.discarding()).statusCode();
                System.out.println("AOT training: " + status + " " + path);
            }
        } finally {
            // a normal stop (SIGTERM): the JDK writes the cache as it exits
            fireSync.destroy();
        }
        int exit = fireSync.waitFor();
        System.out.println("AOT training: FireSync stopped (exit " + exit + "); see " + log);
    }

    /** Waits until FireSync's log names its port and its readiness answers 200. */
    static int port(Process fireSync, Path log) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(START);
        var http = HttpClient.newHttpClient();
        while (Instant.now().isBefore(until)) {
            if (!fireSync.isAlive()) {
                throw new IllegalStateException("FireSync exited during the AOT training run; see " + log);
            }
            Matcher port = PORT.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (port.find()) {
                int number = Integer.parseInt(port.group(1));
                var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + number
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
                try {
                    if (http.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
                        return number;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("FireSync was not ready within " + START + "; see " + log);
    }
}
