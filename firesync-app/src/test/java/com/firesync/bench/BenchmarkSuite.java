package com.firesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark suite (docs/benchmarks.md). {@code scripts/bench.sh} runs it at full size; the build runs it at the
 * quick size, as a smoke test that every scenario still works end to end. It writes {@code target/bench/results.json}
 * and prints a Markdown table. Targets are reported, not asserted: on a shared machine a figure can miss one; what
 * must hold at any size (no 429, two calls per connection, every connection synced, no failed request) is asserted.
 */
@Tag("benchmark")
class BenchmarkSuite {

    /** FireSync's heap in the heavy scenarios and at rest. */
    static final List<String> JVM = List.of("-Xmx256m");

    @Test
    void measuresFireSyncAgainstItsBounds() throws Exception {
        BenchSize size = BenchSize.fromSystemProperty();
        requireTool("wrk");
        requireTool("pgbench");
        // -Dbench.only=backfill (sync_all, scaling, backfill, analytics, idle): one scenario, while profiling it;
        // results are not written (sync_all brings its events and sync_all_cluster cycles along)
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank()) {
            Object figures = switch (only) {
                case "sync_all" -> SyncAllScenario.run(size);
                case "backfill" -> BackfillScenario.run(size);
                case "analytics" -> {
                    var backfill = BackfillScenario.run(size);
                    yield Map.of("backfill", backfill.backfill(), "analytics", backfill.analytics());
                }
                case "scaling" -> {
                    var steps = ScalingScenario.run(size);
                    assertEveryStepSynced(size, steps);
                    yield steps;
                }
                case "idle" -> IdleScenario.run(JVM, 3);
                default -> throw new IllegalArgumentException(
                        "bench.only: sync_all, scaling, backfill, analytics or idle");
            };
            System.out.println(only + ": " + figures);
            return;
        }
        Map<String, Object> scenarios = new LinkedHashMap<>();
        Map<String, Object> syncAll = SyncAllScenario.run(size);
        double syncAllPeak = (double) syncAll.remove("peak_rss_mb");
        @SuppressWarnings("unchecked")
        Map<String, Object> events = (Map<String, Object>) syncAll.remove("events");
        @SuppressWarnings("unchecked")
        Map<String, Object> cluster = (Map<String, Object>) syncAll.remove("cluster");
        scenarios.put("sync_all", syncAll);
        scenarios.put("events", events);
        scenarios.put("sync_all_cluster", cluster);
        List<Map<String, Object>> scaling = ScalingScenario.run(size);
        scenarios.put("scaling", scaling);
        var backfill = BackfillScenario.run(size);
        scenarios.put("backfill", backfill.backfill());
        scenarios.put("api_read", backfill.apiRead());
        scenarios.put("analytics", backfill.analytics());
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heap_max_mb", 256);
        memory.put("peak_rss_mb", SyncAllScenario.round(Math.max(syncAllPeak, backfill.peakRssMb()), 1));
        memory.put("sync_all_peak_rss_mb", syncAllPeak);
        memory.put("backfill_peak_rss_mb", SyncAllScenario.round(backfill.peakRssMb(), 1));
        // last, once every other process of the suite has stopped: the median of three starts at full size
        memory.putAll(IdleScenario.run(JVM, "quick".equals(size.name()) ? 1 : 3));
        scenarios.put("memory", memory);

        var results = Results.write(size, scenarios);
        System.out.println(results.markdown());

        assertThat(syncAll).containsEntry("synced", (long) size.connections()).containsEntry("http_429", 0L);
        assertThat((double) syncAll.get("calls_per_connection")).isBetween(1.0, 2.0);
        assertThat(cluster).containsEntry("synced_once", (long) size.connections())
                .containsEntry("http_429", 0L)
                .containsEntry("instances_syncing", (long) SyncAllClusterScenario.INSTANCES);
        assertEveryStepSynced(size, scaling);
        assertThat(events).containsEntry("lost", 0L).containsEntry("duplicated", 0L);
        assertThat((int) events.get("events")).isPositive();
        assertThat((long) backfill.backfill().get("transactions")).isGreaterThanOrEqualTo(size.transactions());
        assertThat(((Number) backfill.backfill().get("synced")).intValue())
                .isEqualTo(backfill.backfill().get("connections"));
        assertThat(backfill.apiRead()).containsEntry("non_2xx", 0L);
        assertThat((long) backfill.apiRead().get("rps")).isPositive();
        assertThat((long) backfill.apiRead().get("db_tps")).isPositive();
        assertThat((long) backfill.analytics().get("transactions")).isGreaterThanOrEqualTo(size.transactions());
        assertThat((double) backfill.analytics().get("p95_ms")).isPositive();
        assertThat(Files.exists(Results.FILE)).isTrue();
    }

    /** Every step of {@code scaling} synced each of its connections once, with no 429. */
    private static void assertEveryStepSynced(BenchSize size, List<Map<String, Object>> steps) {
        assertThat(steps).hasSize(size.scaling().size()).allSatisfy(step -> assertThat(step)
                .containsEntry("synced", ((Number) step.get("connections")).longValue())
                .containsEntry("http_429", 0L));
    }

    private static void requireTool(String tool) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
        if (which.waitFor() != 0) {
            throw new IllegalStateException("The benchmarks need " + tool + " on the PATH: apt-get install -y "
                    + ("pgbench".equals(tool) ? "postgresql-client" : tool) + " (scripts/bench.sh installs it)");
        }
    }
}
