package com.firesync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * {@code target/bench/results.json} and the Markdown table printed at the end of a run, with each target and whether
 * this run met it.
 */
final class Results {

    static final Path FILE = Rig.DIR.resolve("results.json");

    /** The targets of docs/benchmarks.md (issue 18's), checked against full-size runs. */
    private static final List<Target> TARGETS = List.of(
            new Target("sync_all", "ratio", "<= 1.10", (value, figures) -> value <= 1.10),
            new Target("sync_all", "http_429", "= 0", (value, figures) -> value == 0),
            new Target("sync_all", "calls_per_connection", "<= 2", (value, figures) -> value <= 2),
            new Target("sync_all_cluster", "ratio", "<= 1.10", (value, figures) -> value <= 1.10),
            new Target("sync_all_cluster", "http_429", "= 0", (value, figures) -> value == 0),
            new Target("backfill", "ratio", ">= 0.65", (value, figures) -> value >= 0.65),
            new Target("api_read", "rps", ">= 0.30 x db_tps",
                    (value, figures) -> value >= 0.30 * ((Number) figures.get("db_tps")).doubleValue()),
            new Target("api_read", "p99_ms", "<= 30", (value, figures) -> value <= 30),
            new Target("events", "p99_ms", "<= 250", (value, figures) -> value <= 250),
            new Target("events", "lost", "= 0", (value, figures) -> value == 0),
            new Target("events", "duplicated", "= 0", (value, figures) -> value == 0),
            new Target("events", "sync_ratio", "<= 1.10", (value, figures) -> value <= 1.10),
            new Target("analytics", "p95_ms", "<= 100", (value, figures) -> value <= 100),
            new Target("scaling", "ratio", "<= 1.05", (value, figures) -> value <= ScalingChart.RATIO_TARGET),
            new Target("scaling", "peak_rss_mb", "<= 400", (value, figures) -> value <= ScalingChart.RSS_TARGET_MB),
            new Target("scaling", "http_429", "= 0", (value, figures) -> value == 0),
            new Target("memory", "backfill_peak_rss_mb", "<= 400", (value, figures) -> value <= 400),
            new Target("memory", "idle_rss_mb", "<= 200", (value, figures) -> value <= 200),
            new Target("memory", "startup_s", "<= 3.0", (value, figures) -> value <= 3.0));

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
        scenarios.forEach((scenario, figures) -> {
            if (figures instanceof List<?> steps) {
                // scaling: one row per figure of each step, named after its connections
                steps.forEach(step -> rows(table, scenario, scenario + "[" + ((Map<String, Object>) step)
                        .get("connections") + "]", (Map<String, Object>) step));
            } else {
                rows(table, scenario, scenario, (Map<String, Object>) figures);
            }
        });
        return table.append("\nWritten to ").append(FILE).append('\n').toString();
    }

    private static void rows(StringBuilder table, String scenario, String label, Map<String, Object> figures) {
        figures.forEach((key, value) -> {
            String target = TARGETS.stream()
                    .filter(t -> t.scenario().equals(scenario) && t.key().equals(key))
                    .findFirst()
                    .map(t -> t.bound() + (t.met().test(((Number) value).doubleValue(), figures)
                            ? " met"
                            : " **missed**"))
                    .orElse("");
            table.append("| ").append(label).append(" | ").append(key).append(" | ").append(value).append(" | ")
                    .append(target).append(" |\n");
        });
    }

    /** A figure's target; {@code met} sees the value and the scenario's other figures (a bound of the same run). */
    private record Target(String scenario, String key, String bound, BiPredicate<Double, Map<String, Object>> met) {
    }
}
