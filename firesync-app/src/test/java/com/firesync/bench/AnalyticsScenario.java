package com.firesync.bench;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code analytics}: on the backfill's ledger (one user owns every row, its roll-ups kept by the write path during
 * the backfill), the time of a full rebuild of the user's transfer marks and roll-ups, then rounds of every analytics
 * call one after the other (net worth by month and by day over two years, cash flow, spending by category and by
 * month, FIRE figures, a 10,000-run 40-year projection): p50 and p95 over all calls, the projection's median apart.
 */
final class AnalyticsScenario {

    private AnalyticsScenario() {
    }

    static Map<String, Object> run(BenchSize size, JarProcess fireSync, String token, String admin, Connection db)
            throws Exception {
        long userId = ApiReadScenario.userId(db);
        long transactions = SyncAllScenario.count(db,
                "SELECT COUNT(*) FROM transactions WHERE user_id = " + userId + " AND deleted_at IS NULL");
        long started = System.nanoTime();
        BenchHttp.postJson(fireSync.base() + "/api/admin/users/" + userId + "/analytics/rebuild", admin, "", 200);
        double rebuildSeconds = (System.nanoTime() - started) / 1e9;
        // what autovacuum (PostgreSQL's default, off on the machines the benchmark runs on) does after the rebuild
        // and the worker's passes replaced the roll-up rows: without it the reads walk two to three dead rows a live one
        try (var statement = db.createStatement()) {
            statement.execute("VACUUM ANALYZE transfers, account_days, category_days, account_months, category_months");
        }

        String base = fireSync.base() + "/api/analytics";
        String twoYears = "from=" + LocalDate.now().minusYears(2) + "&to=" + LocalDate.now();
        // the default range (12 months) unless said; the backfill holds two years
        List<String> calls = List.of(base + "/net-worth?interval=month", base + "/net-worth?interval=day",
                base + "/cash-flow?" + twoYears, base + "/spending?by=category&" + twoYears,
                base + "/spending?by=month", base + "/fire", base + "/fire/projection?years=40&runs=10000&seed=1");
        int rounds = "quick".equals(size.name()) ? 5 : 30;
        List<Double> all = new ArrayList<>();
        List<Double> projections = new ArrayList<>();
        Map<String, List<Double>> byCall = new LinkedHashMap<>();
        for (int round = -2; round < rounds; round++) {
            for (String call : calls) {
                long start = System.nanoTime();
                BenchHttp.get(call, token);
                double millis = (System.nanoTime() - start) / 1e6;
                if (round >= 0) {
                    all.add(millis);
                    byCall.computeIfAbsent(call.substring(base.length()), c -> new ArrayList<>()).add(millis);
                    if (call.contains("/projection")) {
                        projections.add(millis);
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("transactions", transactions);
        figures.put("calls", all.size());
        figures.put("p50_ms", SyncAllScenario.round(percentile(all, 50), 1));
        figures.put("p95_ms", SyncAllScenario.round(percentile(all, 95), 1));
        figures.put("projection_ms", SyncAllScenario.round(percentile(projections, 50), 1));
        figures.put("rollup_rebuild_s", SyncAllScenario.round(rebuildSeconds, 2));
        Map<String, Object> medians = new LinkedHashMap<>();
        byCall.forEach((call, millis) -> medians.put(call, SyncAllScenario.round(percentile(millis, 50), 1)));
        figures.put("p50_ms_by_call", medians);
        return figures;
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
