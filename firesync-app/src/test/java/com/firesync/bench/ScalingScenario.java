package com.firesync.bench;

import static com.firesync.bench.SyncAllScenario.round;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scaling}: how FireSync's cost grows with the number of connections. The {@code sync_all} cycle runs at each
 * step of {@link BenchSize#scaling()} (5,000, 20,000 and 50,000 connections at full size) in a fresh
 * {@code -Xmx256m} process started as README.md documents, at {@code sync_all}'s limit and against the same bound
 * ({@code calls / limit} seconds). Each step reports its ratio, the measured process's peak resident memory and the
 * set-up time so far; the chart of both against connections is drawn at the end.
 */
final class ScalingScenario {

    /**
     * The sandbox's and FireSync's limit here, {@code sync_all}'s: the question is whether the same cycle keeps to it
     * as connections grow. (It was 250 at first, to shorten the 50,000 step from 1,000 s to 400 s; two cores
     * could not sync that fast, so the ratio measured the machine, not the cost per connection.)
     */
    static final double LIMIT = SyncAllScenario.PROVIDER_LIMIT;

    /** Where a full-size run leaves its chart, for docs/benchmarks.md (the module's tests run in firesync-app). */
    static final Path DOCS_CHART = Path.of("..", "docs", "benchmarks", "scaling.png");

    private ScalingScenario() {
    }

    /** Runs every step on one database and sandbox, whose connections accumulate; answers one map per step. */
    static List<Map<String, Object>> run(BenchSize size) throws Exception {
        Path data = Rig.directory("scaling").resolve("data");
        var database = BenchDatabase.fresh("firesync_bench_scaling");
        List<Map<String, Object>> steps = new ArrayList<>();
        // the sandbox holds every connection's world in memory: 150,000 accounts at the largest step
        try (var sandbox = Rig.sandboxWithHeap("scaling-sandbox", "-Xmx4g", "--firesync.sandbox.history=P3D");
                var db = database.connect()) {
            int linked = 0;
            double setup = 0;
            for (int connections : size.scaling()) {
                long started = System.nanoTime();
                linkUpTo(database, sandbox, data, linked, connections);
                setup += (System.nanoTime() - started) / 1e9;
                linked = connections;
                String admin = Rig.adminToken(data);
                try (var fireSync = JarProcess.startAsDocumented("scaling-" + connections, BenchmarkSuite.JVM,
                        Rig.fireSync(database, sandbox, data, LIMIT), "/actuator/health/readiness", Rig.LOGS)) {
                    Map<String, Object> cycle = SyncAllScenario.cycle(db, sandbox, fireSync, admin, connections,
                            LIMIT);
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("connections", connections);
                    step.put("ratio", cycle.get("ratio"));
                    step.put("peak_rss_mb", round(fireSync.peakRssMb(), 1));
                    step.put("setup_s", round(setup, 1));
                    step.put("calls", cycle.get("calls"));
                    step.put("wall_s", cycle.get("wall_s"));
                    step.put("bound_s", cycle.get("bound_s"));
                    step.put("http_429", cycle.get("http_429"));
                    step.put("synced", cycle.get("synced"));
                    steps.add(step);
                    // a step's figures, in case a long run is stopped before the last
                    System.out.println("scaling step: " + step);
                }
            }
        }
        Path chart = Rig.DIR.resolve("scaling.png");
        ScalingChart.draw(steps, chart);
        if ("full".equals(size.name())) {
            Files.copy(chart, DOCS_CHART, StandardCopyOption.REPLACE_EXISTING);
        }
        return steps;
    }

    /**
     * Links connections {@code from} to {@code to} through FireSync's connect flow, on a set-up process with no
     * limit, and waits for their first syncs; the sandbox answers at once and without a limit meanwhile.
     */
    private static void linkUpTo(BenchDatabase database, JarProcess sandbox, Path data, int from, int to)
            throws Exception {
        BenchHttp.postJson(sandbox.base() + "/sandbox/control", null, "{\"latency\":\"PT0S\",\"rate_limit\":0}", 200);
        try (var setup = JarProcess.start("scaling-setup-" + to, List.of("-Xmx1g"), List.of(),
                Rig.fireSync(database, sandbox, data, 5_000), "/actuator/health/readiness", Rig.LOGS);
                var db = database.connect()) {
            SyncAllScenario.link(setup.base(), Rig.adminToken(data), from, to);
            Rig.await("first syncs", Duration.ofMinutes(30), () -> SyncAllScenario.count(db,
                    "SELECT COUNT(*) FROM connections WHERE last_success_at IS NOT NULL") == to);
        }
    }
}
