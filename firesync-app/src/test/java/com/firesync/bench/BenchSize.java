package com.firesync.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a run is: {@code full} (the default of {@code scripts/bench.sh}) measures; {@code quick} (the build's
 * smoke run) only shows that every scenario still works end to end.
 *
 * @param name {@code quick} or {@code full}
 * @param connections sandbox connections of the sync-all cycle
 * @param transactions transactions of the backfill, about
 * @param readFor how long wrk and pgbench each run
 * @param scaling the connections of each step of the scaling scenario, ascending
 */
record BenchSize(String name, int connections, int transactions, Duration readFor, List<Integer> scaling) {

    /** One scaling step, more connections than a bulk run reads at a time (128), so that the build goes past one. */
    static final BenchSize QUICK = new BenchSize("quick", 100, 30_000, Duration.ofSeconds(5), List.of(150));

    static final BenchSize FULL = new BenchSize("full", 5_000, 1_000_000, Duration.ofSeconds(30),
            List.of(5_000, 20_000, 50_000));

    /**
     * From {@code -Dbench.size}, quick unless told otherwise; {@code -Dbench.connections},
     * {@code -Dbench.transactions} and {@code -Dbench.scaling} (steps, comma-separated) change one figure while
     * profiling.
     */
    static BenchSize fromSystemProperty() {
        String size = System.getProperty("bench.size", "quick");
        BenchSize chosen = switch (size) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("bench.size is quick or full, not " + size);
        };
        return new BenchSize(chosen.name(), Integer.getInteger("bench.connections", chosen.connections()),
                Integer.getInteger("bench.transactions", chosen.transactions()), chosen.readFor(),
                scaling(chosen.scaling()));
    }

    private static List<Integer> scaling(List<Integer> fallback) {
        String steps = System.getProperty("bench.scaling", "");
        return steps.isBlank()
                ? fallback
                : java.util.Arrays.stream(steps.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
