package com.firesync.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code sync_all_cluster}: three FireSync processes on one PostgreSQL database share the provider's limit (100
 * requests a second, 50 ms a call) through the database, and sync the {@code sync_all} connections in one periodic
 * cycle that every instance takes part in. The bound is the same as {@code sync_all}'s: {@code calls / limit}
 * seconds; each connection must be synced exactly once, with no 429.
 */
final class SyncAllClusterScenario {

    static final int INSTANCES = 3;

    private SyncAllClusterScenario() {
    }

    /**
     * Runs on the {@code sync_all} database once its single instance has stopped: the same connections, linked and
     * synced, the same sandbox and data directory (its encryption key and admin token).
     */
    static Map<String, Object> run(BenchDatabase database, JarProcess sandbox, Path data, String admin,
            int connections) throws Exception {
        Map<String, String> environment = new HashMap<>(
                Rig.fireSync(database, sandbox, data, SyncAllScenario.PROVIDER_LIMIT));
        // the instances look for queued syncs every 200 ms rather than 10 s, so that the cycle's start measures the
        // shared budget, not the polling
        environment.put("FIRESYNC_SCHEDULE_POLLINGINTERVAL", "200ms");
        List<JarProcess> instances = new ArrayList<>();
        try (var db = database.connect()) {
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(JarProcess.startAsDocumented("sync_all_cluster-" + i, BenchmarkSuite.JVM, environment,
                        "/actuator/health/readiness", Rig.LOGS));
            }
            return cycle(db, sandbox, instances.get(0), admin, connections);
        } finally {
            for (JarProcess instance : instances) {
                instance.close();
            }
        }
    }

    /** A day passes at the bank and in FireSync's records, then one periodic sync, fanned out to every instance. */
    private static Map<String, Object> cycle(Connection db, JarProcess sandbox, JarProcess trigger, String admin,
            int connections) throws Exception {
        try (var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE connections SET last_success_at = last_success_at - INTERVAL '1 day',"
                    + " last_attempt_at = last_attempt_at - INTERVAL '1 day'");
        }
        BenchHttp.postJson(sandbox.base() + "/sandbox/control", null, "{\"advance\":\"P1D\",\"latency\":\""
                + SyncAllScenario.LATENCY + "\",\"rate_limit\":" + SyncAllScenario.PROVIDER_LIMIT + "}", 200);
        JsonNode before = BenchHttp.get(sandbox.base() + "/sandbox/stats", null);
        Instant start = Instant.now();
        BenchHttp.postJson(trigger.base() + "/api/sync/jobs/trigger/periodicSync", admin, "", 202);
        Rig.await("the cluster's sync cycle", Duration.ofMinutes(30),
                () -> SyncAllScenario.finishedSince(db, start) >= connections && SyncAllScenario.count(db,
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'syncConnection'") == 0);
        JsonNode after = BenchHttp.get(sandbox.base() + "/sandbox/stats", null);
        long calls = after.get("api_calls").asLong() - before.get("api_calls").asLong();
        double wall = Duration.between(start, lastFinished(db, start)).toNanos() / 1e9;
        double bound = calls / SyncAllScenario.PROVIDER_LIMIT;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("instances", INSTANCES);
        figures.put("connections", connections);
        figures.put("calls", calls);
        figures.put("wall_s", SyncAllScenario.round(wall, 2));
        figures.put("bound_s", SyncAllScenario.round(bound, 2));
        figures.put("ratio", SyncAllScenario.round(wall / bound, 3));
        figures.put("http_429", after.get("rate_limited").asLong() - before.get("rate_limited").asLong());
        figures.put("synced_once", countSince(db, start, """
                SELECT COUNT(*) FROM (SELECT connection_id FROM sync_runs WHERE started_at >= ?
                                      GROUP BY connection_id HAVING COUNT(*) = 1
                                         AND COUNT(*) FILTER (WHERE outcome = 'synced') = 1) once"""));
        figures.put("instances_syncing",
                countSince(db, start, "SELECT COUNT(DISTINCT instance_id) FROM sync_runs WHERE started_at >= ?"));
        return figures;
    }

    private static Instant lastFinished(Connection db, Instant start) throws SQLException {
        try (var query = db.prepareStatement("SELECT MAX(finished_at) FROM sync_runs WHERE started_at >= ?")) {
            query.setTimestamp(1, Timestamp.from(start));
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    /** A count over the sync runs started since {@code start} (the query's one parameter). */
    private static long countSince(Connection db, Instant start, String sql) throws SQLException {
        try (var query = db.prepareStatement(sql)) {
            query.setTimestamp(1, Timestamp.from(start));
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
