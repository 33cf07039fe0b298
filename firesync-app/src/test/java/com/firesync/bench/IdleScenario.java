package com.firesync.bench;

import static com.firesync.bench.SyncAllScenario.round;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * FireSync on the embedded default (H2 in the data directory, the in-app sandbox), started as an operator starts it
 * ({@code scripts/firesync.sh}, README.md): the time to a healthy answer, then its resident memory once idle.
 */
final class IdleScenario {

    /** How long after start-up the resident memory is watched; the highest reading counts. */
    static final Duration WATCH = Duration.ofSeconds(5);

    private IdleScenario() {
    }

    /**
     * Starts FireSync {@code runs} times, each on a fresh data directory (a first start: schema created, keys and
     * admin token generated), and answers the median start-up time and idle memory.
     */
    static Map<String, Object> run(List<String> jvm, int runs) {
        List<Double> startups = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            var data = Rig.directory("idle").resolve("data");
            try (var fireSync = JarProcess.startAsDocumented("idle", jvm,
                    Map.of("FIRESYNC_DATA_DIR", data.toString()), "/actuator/health/readiness", Rig.LOGS)) {
                double rss = 0;
                long until = System.nanoTime() + WATCH.toNanos();
                while (System.nanoTime() < until) {
                    rss = Math.max(rss, fireSync.rssMb());
                    // sampling, not waiting for something: a reading every 100 ms
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
                idle.add(round(rss, 1));
                startups.add(round(fireSync.startup().toNanos() / 1e9, 2));
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("idle_rss_mb", median(idle));
        figures.put("startup_s", median(startups));
        figures.put("startup_runs_s", startups);
        return figures;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
