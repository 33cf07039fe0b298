package com.firesync.bench;

import static com.firesync.bench.SyncAllScenario.count;
import static com.firesync.bench.SyncAllScenario.round;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * {@code backfill}: the first sync of connections with two years of history each, pulled through the Powens client
 * from a sandbox with no latency and no limit, into PostgreSQL. The anchor: the same rows loaded with {@code COPY}
 * into an identical table (same columns, constraints, indexes and foreign keys). Then {@code api_read} runs on the
 * same process and data: one user owns every row, and {@code analytics} after it.
 */
final class BackfillScenario {

    /** Operations per account per simulated day: a busy user. */
    static final int PER_DAY = 10;

    /** Transactions a connection holds after two years at that pace, at the least: about 20,500 were seen. */
    static final double PER_CONNECTION = 20_000;

    /** FireSync's ledger columns the anchor loads (the id comes from the identity, as for FireSync). */
    private static final String COLUMNS = "account_id, user_id, provider_transaction_id, booked_date, value_date,"
            + " operation_date, amount, currency, original_wording, simplified_wording, wording, type, pending,"
            + " deleted_at, provider_last_update, created_at, updated_at";

    private BackfillScenario() {
    }

    /**
     * @param backfill the backfill's figures
     * @param apiRead the read scenario's figures
     * @param peakRssMb the FireSync process's peak resident memory during the backfill
     * @param analytics the analytics scenario's figures
     */
    record Figures(Map<String, Object> backfill, Map<String, Object> apiRead, double peakRssMb,
            Map<String, Object> analytics) {
    }

    static Figures run(BenchSize size) throws Exception {
        Path data = Rig.directory("backfill").resolve("data");
        var database = BenchDatabase.fresh("firesync_bench_backfill");
        int connections = (int) Math.ceil(size.transactions() / (PER_CONNECTION));
        try (var sandbox = Rig.sandbox("backfill-sandbox", "--firesync.sandbox.transactions-per-day=" + PER_DAY);
                var fireSync = JarProcess.startAsDocumented("backfill", BenchmarkSuite.JVM,
                        Rig.fireSync(database, sandbox, data, 5_000), "/actuator/health/readiness", Rig.LOGS);
                var db = database.connect()) {
            String admin = Rig.adminToken(data);
            String token = BenchHttp.postJson(fireSync.base() + "/api/admin/users", admin,
                    "{\"name\":\"bench-reader\"}", 201).get("data").get("token").asString();
            // set-up: link the connections (each first sync runs), then forget what they wrote
            for (int i = 0; i < connections; i++) {
                BenchHttp.linkDemoBank(fireSync.base(), token, "reader-" + i);
            }
            Rig.await("first syncs", Duration.ofMinutes(30),
                    () -> count(db,
                            "SELECT COUNT(*) FROM connections WHERE last_success_at IS NOT NULL") == connections);
            // the roll-ups of those first syncs applied (an analytics call waits for them) before they are emptied
            settleRollups(fireSync, token);
            try (var statement = db.createStatement()) {
                statement.execute("TRUNCATE transactions, transfers, account_days, category_days, account_months,"
                        + " category_months");
                statement.execute("DELETE FROM balance_snapshots");
                statement.execute("UPDATE connections SET sync_cursor = NULL, last_success_at = NULL,"
                        + " last_attempt_at = NULL, last_reconciled_at = NULL, consecutive_failures = 0");
            }
            Instant start = Instant.now();
            BenchHttp.postJson(fireSync.base() + "/api/sync/intelligent/all", admin, "", 202);
            Rig.await("the backfill", Duration.ofMinutes(30),
                    () -> SyncAllScenario.finishedSince(db, start) == connections);
            double peak = fireSync.peakRssMb();
            // the roll-ups the backfill left to its worker are applied before anything else touches the tables (the
            // anchor's DDL would deadlock with the worker) or the reads are measured (an analytics call waits for
            // them): how long after the last sync that took is reported; the backfill's own time is the runs'
            long settling = System.nanoTime();
            settleRollups(fireSync, token);
            double settled = SyncAllScenario.round((System.nanoTime() - settling) / 1e9, 2);
            Map<String, Object> backfill = figures(db, start, connections);
            backfill.put("rollups_settled_s", settled);
            Map<String, Object> apiRead = ApiReadScenario.run(size, fireSync, token, database, db);
            Map<String, Object> analytics = AnalyticsScenario.run(size, fireSync, token, admin, db);
            return new Figures(backfill, apiRead, peak, analytics);
        }
    }

    /** Waits until the analytics worker has applied every change: an analytics call answers once it has. */
    private static void settleRollups(JarProcess fireSync, String token) {
        org.awaitility.Awaitility.await("the analytics roll-ups").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> BenchHttp.get(fireSync.base() + "/api/analytics/cash-flow", token) != null);
    }

    private static Map<String, Object> figures(Connection db, Instant start, int connections) throws Exception {
        Instant end;
        long synced;
        try (var query = db.prepareStatement(
                "SELECT MAX(finished_at), COUNT(*) FILTER (WHERE outcome = 'synced') FROM sync_runs WHERE started_at >= ?")) {
            query.setTimestamp(1, Timestamp.from(start));
            try (var rs = query.executeQuery()) {
                rs.next();
                end = rs.getTimestamp(1).toInstant();
                synced = rs.getLong(2);
            }
        }
        long transactions = count(db, "SELECT COUNT(*) FROM transactions");
        double wall = Duration.between(start, end).toNanos() / 1e9;
        double copySeconds = copyAnchor(db, transactions);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("transactions", transactions);
        figures.put("connections", connections);
        figures.put("synced", synced);
        figures.put("wall_s", round(wall, 2));
        figures.put("tx_per_s", Math.round(transactions / wall));
        figures.put("copy_s", round(copySeconds, 2));
        figures.put("copy_tx_per_s", Math.round(transactions / copySeconds));
        figures.put("ratio", round((transactions / wall) / (transactions / copySeconds), 3));
        return figures;
    }

    /** Loads the same rows with COPY into an identical table; answers the seconds the load took. */
    private static double copyAnchor(Connection db, long expected) throws SQLException, java.io.IOException {
        try (var statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS transactions_copy");
            statement.execute("CREATE TABLE transactions_copy (LIKE transactions INCLUDING ALL)");
            statement.execute("ALTER TABLE transactions_copy ADD FOREIGN KEY (account_id) REFERENCES accounts (id),"
                    + " ADD FOREIGN KEY (user_id) REFERENCES users (id)");
            statement.execute("CHECKPOINT");
        }
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        var rows = new ByteArrayOutputStream();
        copy.copyOut("COPY (SELECT " + COLUMNS + " FROM transactions) TO STDOUT", rows);
        long started = System.nanoTime();
        long loaded = copy.copyIn("COPY transactions_copy (" + COLUMNS + ") FROM STDIN",
                new ByteArrayInputStream(rows.toByteArray()));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (loaded != expected) {
            throw new IllegalStateException("COPY loaded " + loaded + " rows, not " + expected);
        }
        try (var statement = db.createStatement()) {
            statement.execute("DROP TABLE transactions_copy");
        }
        return seconds;
    }
}
