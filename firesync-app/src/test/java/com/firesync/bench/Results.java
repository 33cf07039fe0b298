package com.firesync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code target/bench/results.json} and the Markdown table printed at the end of a run, with each target and whether
 * this run met it.
 */
final class Results {

    static final Path FILE = Rig.DIR.resolve("results.json");

    /** The targets of docs/benchmarks.md, checked against full-size runs. */
    private static final List<Target> TARGETS = List.of(
            new Target("sync_all", "ratio", "<= 1.10", value -> value <= 1.10),
            new Target("sync_all", "http_429", "= 0", value -> value == 0),
            new Target("sync_all", "calls_per_connection", "<= 2", value -> value <= 2),
            new Target("sync_all_cluster", "ratio", "<= 1.10", value -> value <= 1.10),
            new Target("sync_all_cluster", "http_429", "= 0", value -> value == 0),
            new Target("backfill", "ratio", ">= 0.30", value -> value >= 0.30),
            new Target("api_read", "rps", ">= 2000", value -> value >= 2000),
            new Target("api_read", "p99_ms", "<= 50", value -> value <= 50),
            new Target("events", "p99_ms", "<= 250", value -> value <= 250),
            new Target("events", "lost", "= 0", value -> value == 0),
            new Target("events", "duplicated", "= 0", value -> value == 0),
            new Target("events", "sync_ratio", "<= 1.10", value -> value <= 1.10),
            new Target("analytics", "p95_ms", "<= 100", value -> value <= 100),
            new Target("memory", "idle_rss_mb", "<= 350", value -> value <= 350),
            new Target("memory", "startup_s", "<= 8", value -> value <= 8));

    private final BenchSize size;

    private final Map<String, Object> scenarios;

    private Results(BenchSize size, Map<String, Object> scenarios) {
        this.size = size;
        this.scenarios = scenarios;
    }

    static Results write(BenchSize size, Map<String, Object> scenarios) {
        var results = new Results(size, scenarios);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("size", size.name());
        document.put("finished_at", Instant.now().toString());
        document.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version"), "os", System.getProperty("os.name") + " "
                        + System.getProperty("os.version")));
        document.put("scenarios", scenarios);
        try {
            Files.createDirectories(FILE.getParent());
            BenchHttp.JSON.writerWithDefaultPrettyPrinter().writeValue(FILE.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    String markdown() {
        var table = new StringBuilder(
                "\nFireSync benchmarks (" + size.name() + " size; targets apply to full size)\n\n")
                .append("| scenario | key | value | target |\n| --- | --- | --- | --- |\n");
        scenarios.forEach((scenario, figures) -> ((Map<String, Object>) figures).forEach((key, value) -> {
            String target = TARGETS.stream()
                    .filter(t -> t.scenario().equals(scenario) && t.key().equals(key))
                    .findFirst()
                    .map(t -> t.bound() + (t.met().test(((Number) value).doubleValue()) ? " met" : " **missed**"))
                    .orElse("");
            table.append("| ").append(scenario).append(" | ").append(key).append(" | ").append(value).append(" | ")
                    .append(target).append(" |\n");
        }));
        return table.append("\nWritten to ").append(FILE).append('\n').toString();
    }

    private record Target(String scenario, String key, String bound, Predicate<Double> met) {
    }
}
