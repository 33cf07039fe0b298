package com.firesync.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * {@code sync_all}: one admin sync-all cycle over many connections, each with about a day of new transactions, against
 * a sandbox that takes 50 ms per call and refuses more than 100 requests a second with 429. The bound is the
 * provider's limit: {@code calls / limit} seconds.
 */
final class SyncAllScenario {

    static final double PROVIDER_LIMIT = 100;

    static final Duration LATENCY = Duration.ofMillis(50);

    private SyncAllScenario() {
    }

    static Map<String, Object> run(BenchSize size) throws Exception {
        int connections = size.connections();
        Path dir = Rig.directory("sync_all");
        Path data = dir.resolve("data");
        var database = BenchDatabase.fresh("firesync_bench_sync_all");
        // three days of history at link time, then one day of news: about ten new transactions per connection
        try (var sandbox = Rig.sandbox("sync_all-sandbox", "--firesync.sandbox.history=P3D")) {
            String admin;
            List<EventsScenario.Follow> users;
            // set-up: link every connection and let its first sync run, with no limit to slow it down
            try (var setup = JarProcess.start("sync_all-setup", List.of("-Xmx1g"), List.of(),
                    Rig.fireSync(database, sandbox, data, 5_000), "/actuator/health/readiness", Rig.LOGS);
                    var db = database.connect()) {
                admin = Rig.adminToken(data);
                users = link(setup.base(), admin, 0, connections);
                Rig.await("first syncs", Duration.ofMinutes(20),
                        () -> count(db,
                                "SELECT COUNT(*) FROM connections WHERE last_success_at IS NOT NULL") == connections);
            }
            Map<String, String> environment = new java.util.HashMap<>(
                    Rig.fireSync(database, sandbox, data, PROVIDER_LIMIT));
            // the events scenario's ten admin clients share the admin token
            environment.put("FIRESYNC_EVENTS_MAXSTREAMSPERTOKEN", Integer.toString(EventsScenario.ADMINS * 2));
            Map<String, Object> figures;
            try (var fireSync = JarProcess.startAsDocumented("sync_all", BenchmarkSuite.JVM, environment,
                    "/actuator/health/readiness", Rig.LOGS);
                    var db = database.connect()) {
                figures = cycle(db, sandbox, fireSync, admin, connections, PROVIDER_LIMIT);
                // events: one more cycle, with the stream clients connected
                int clients = Math.min(EventsScenario.clients(size), users.size() + EventsScenario.ADMINS);
                figures.put("events", EventsScenario.run(fireSync.base(), admin, users, clients, db,
                        () -> (double) cycle(db, sandbox, fireSync, admin, connections, PROVIDER_LIMIT)
                                .get("ratio")));
                figures.put("peak_rss_mb", round(fireSync.peakRssMb(), 1));
            }
            // then three instances on the same connections, sharing the same limit
            figures.put("cluster", SyncAllClusterScenario.run(database, sandbox, data, admin, connections));
            return figures;
        }
    }

    /**
     * A day passes at the bank and in FireSync's records, then one measured sync-all cycle (incremental) against a
     * sandbox refusing more than {@code limit} requests a second, which is also the bound's rate.
     */
    static Map<String, Object> cycle(Connection db, JarProcess sandbox, JarProcess fireSync, String admin,
            int connections, double limit) throws Exception {
        try (var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE connections SET last_success_at = last_success_at - INTERVAL '1 day',"
                    + " last_attempt_at = last_attempt_at - INTERVAL '1 day'");
        }
        JsonNode advanced = BenchHttp.postJson(sandbox.base() + "/sandbox/control", null,
                "{\"advance\":\"P1D\",\"latency\":\"" + LATENCY + "\",\"rate_limit\":" + limit + "}", 200);
        if (advanced.get("refreshed").asInt() < connections) {
            throw new IllegalStateException("The sandbox refreshed only " + advanced.get("refreshed"));
        }
        JsonNode before = BenchHttp.get(sandbox.base() + "/sandbox/stats", null);
        Instant start = Instant.now();
        BenchHttp.postJson(fireSync.base() + "/api/sync/intelligent/all", admin, "", 202);
        Rig.await("the sync-all cycle", Duration.ofMinutes(30), () -> finishedSince(db, start) == connections);
        JsonNode after = BenchHttp.get(sandbox.base() + "/sandbox/stats", null);
        return figures(db, start, connections, after.get("api_calls").asLong() - before.get("api_calls").asLong(),
                after.get("rate_limited").asLong() - before.get("rate_limited").asLong(), limit);
    }

    private static Map<String, Object> figures(Connection db, Instant start, int connections, long calls,
            long http429, double limit) throws SQLException {
        try (var query = db.prepareStatement("""
                SELECT MAX(finished_at), COUNT(*) FILTER (WHERE outcome = 'synced'), SUM(transactions_added)
                FROM sync_runs WHERE started_at >= ?""")) {
            query.setTimestamp(1, Timestamp.from(start));
            try (var rs = query.executeQuery()) {
                rs.next();
                double wall = Duration.between(start, rs.getTimestamp(1).toInstant()).toNanos() / 1e9;
                double bound = calls / limit;
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("connections", connections);
                figures.put("calls", calls);
                figures.put("wall_s", round(wall, 2));
                figures.put("bound_s", round(bound, 2));
                figures.put("ratio", round(wall / bound, 3));
                figures.put("http_429", http429);
                figures.put("calls_per_connection", round((double) calls / connections, 3));
                figures.put("synced", rs.getLong(2));
                figures.put("new_transactions_per_connection", round(rs.getDouble(3) / connections, 1));
                return figures;
            }
        }
    }

    /**
     * Links connections {@code from} (included) to {@code to} (excluded), one user each, a few at a time; answers the
     * users.
     */
    static List<EventsScenario.Follow> link(String fireSync, String admin, int from, int to) throws Exception {
        try (var executor = Executors.newFixedThreadPool(8)) {
            List<Future<EventsScenario.Follow>> links = IntStream.range(from, to).mapToObj(i -> executor
                    .submit(() -> {
                        JsonNode user = BenchHttp.postJson(fireSync + "/api/admin/users", admin,
                                "{\"name\":\"bench-user-" + i + "\"}", 201).get("data");
                        String token = user.get("token").asString();
                        BenchHttp.linkDemoBank(fireSync, token, "bench-" + i);
                        return new EventsScenario.Follow(user.get("id").asLong(), token);
                    })).toList();
            List<EventsScenario.Follow> users = new java.util.ArrayList<>();
            for (Future<EventsScenario.Follow> link : links) {
                users.add(link.get());
            }
            return users;
        }
    }

    static long finishedSince(Connection db, Instant start) throws SQLException {
        try (var query = db.prepareStatement(
                "SELECT COUNT(*) FROM sync_runs WHERE started_at >= ? AND finished_at IS NOT NULL")) {
            query.setTimestamp(1, Timestamp.from(start));
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
