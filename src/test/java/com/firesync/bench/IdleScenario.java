package com.firesync.bench;

import static com.firesync.bench.SyncAllScenario.round;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * FireSync on the embedded default (H2 in the data directory, the in-app sandbox), started as an operator starts it:
 * the time to a healthy answer, then its resident memory once idle.
 */
final class IdleScenario {

    /** How long after start-up the resident memory is watched; the highest reading counts. */
    static final Duration WATCH = Duration.ofSeconds(5);

    private IdleScenario() {
    }

    static Map<String, Object> run(List<String> jvm) {
        var data = Rig.directory("idle").resolve("data");
        try (var fireSync = JarProcess.start("idle", jvm, List.of(), Map.of("FIRESYNC_DATA_DIR", data.toString()),
                "/actuator/health/readiness", Rig.LOGS)) {
            double rss = 0;
            long until = System.nanoTime() + WATCH.toNanos();
            while (System.nanoTime() < until) {
                rss = Math.max(rss, fireSync.rssMb());
                // sampling, not waiting for something: a reading every 100 ms
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("idle_rss_mb", round(rss, 1));
            figures.put("startup_s", round(fireSync.startup().toNanos() / 1e9, 2));
            return figures;
        }
    }
}
