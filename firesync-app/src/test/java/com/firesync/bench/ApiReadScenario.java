package com.firesync.bench;

import static com.firesync.bench.SyncAllScenario.round;

import com.firesync.ledger.LedgerQueries;
import com.firesync.ledger.TransactionCursor;
import com.firesync.ledger.TransactionFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code api_read}: wrk on {@code GET /api/transactions?limit=100} for one user with every row of the backfill, over
 * many filters (account, dates, pending) and cursors deep in the history. The anchor: pgbench running the SQL each of
 * those requests runs, on the same database.
 */
final class ApiReadScenario {

    /** Requests wrk and pgbench pick from, at random. */
    static final int PATHS = 120;

    static final int CONNECTIONS = 16;

    private ApiReadScenario() {
    }

    static Map<String, Object> run(BenchSize size, JarProcess fireSync, String token, BenchDatabase database,
            Connection db) throws Exception {
        try (var statement = db.createStatement()) {
            // as autovacuum (off on the machines the benchmark runs on) would after the backfill and the worker's passes
            statement.execute("VACUUM ANALYZE transactions, transfers");
            // the backfill's dirty pages are written now, not by a checkpoint in the middle of the reads
            statement.execute("CHECKPOINT");
        }
        long userId = userId(db);
        List<Request> requests = requests(fireSync.base(), token, userId);
        Path dir = Rig.directory("api_read");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.putAll(wrk(dir, fireSync.base(), token, requests, size));
        figures.putAll(pgbench(dir, database, requests, size));
        figures.put("paths", requests.size());
        return figures;
    }

    /** One request of the mix: FireSync's path and a pgbench script of the SQL FireSync runs for it. */
    record Request(String path, String script) {
    }

    private static List<Request> requests(String base, String token, long userId) {
        List<Long> accounts = new ArrayList<>();
        BenchHttp.get(base + "/api/accounts", token).get("data").forEach(a -> accounts.add(a.get("id").asLong()));
        var random = new Random(42);
        LocalDate today = LocalDate.now();
        List<Request> requests = new ArrayList<>();
        while (requests.size() < PATHS) {
            var filter = new Filter(random.nextInt(3) == 0 ? accounts.get(random.nextInt(accounts.size())) : null,
                    random.nextInt(4) == 0 ? today.minusDays(random.nextInt(700)) : null,
                    random.nextInt(2) == 0 ? today.minusDays(random.nextInt(700)) : null,
                    random.nextInt(5) == 0 ? Boolean.FALSE : null, null);
            if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
                continue;
            }
            requests.add(filter.request(userId));
            // the next page of the same listing: a real cursor, deep in the history when 'to' is old
            JsonNode page = BenchHttp.get(base + filter.path(), token);
            JsonNode next = page.get("page").get("nextCursor");
            if (next != null && !next.isNull()) {
                requests.add(filter.after(next.asString()).request(userId));
            }
        }
        return requests;
    }

    /** The filters of one request, as the API takes them. */
    private record Filter(@Nullable Long account, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable Boolean pending, @Nullable String cursor) {

        Filter after(String next) {
            return new Filter(account, from, to, pending, next);
        }

        String path() {
            var path = new StringBuilder("/api/transactions?limit=100");
            if (account != null) {
                path.append("&accountId=").append(account);
            }
            if (from != null) {
                path.append("&from=").append(from);
            }
            if (to != null) {
                path.append("&to=").append(to);
            }
            if (pending != null) {
                path.append("&pending=").append(pending);
            }
            if (cursor != null) {
                path.append("&cursor=").append(cursor);
            }
            return path.toString();
        }

        /**
         * FireSync's page query for this filter ({@link LedgerQueries#pageQuery}) as a pgbench script: its values set
         * as pgbench variables, which {@code -M prepared} sends as parameters, as FireSync's driver does (the same
         * statement, planned the same way). Dates go as {@code yyyymmdd}, which PostgreSQL reads as a date.
         */
        Request request(long userId) {
            var filter = new TransactionFilter(account, from, to, pending, null,
                    cursor == null ? null : TransactionCursor.decode(cursor).orElseThrow(),
                    TransactionFilter.DEFAULT_LIMIT);
            LedgerQueries.PageQuery query = LedgerQueries.pageQuery(userId, filter);
            var script = new StringBuilder();
            query.params().forEach((name, value) -> script.append("\\set ").append(name).append(' ')
                    .append(switch (value) {
                        case LocalDate date -> date.format(DateTimeFormatter.BASIC_ISO_DATE);
                        case Boolean flag -> flag ? "1" : "0";
                        case Number number -> number.toString();
                        default -> throw new IllegalArgumentException("No pgbench variable for " + value);
                    }).append('\n'));
            script.append(query.sql().replace('\n', ' ')).append(";\n");
            return new Request(path(), script.toString());
        }
    }

    private static Map<String, Object> wrk(Path dir, String base, String token, List<Request> requests,
            BenchSize size) throws IOException, InterruptedException {
        Path script = dir.resolve("api_read.lua");
        var lua = new StringBuilder("paths = {\n");
        requests.forEach(request -> lua.append("  \"").append(request.path()).append("\",\n"));
        lua.append("}\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer \" .. os.getenv(\"BENCH_TOKEN\")\n")
                .append("request = function()\n")
                .append("  return wrk.format(\"GET\", paths[math.random(#paths)])\n")
                .append("end\n");
        Files.writeString(script, lua);
        // a warm-up as long as the timed run, its figures discarded: the read path is compiled and its pages cached
        // before it is timed (after 10 s, C2 was still compiling the filters and the handler ten seconds into the run)
        run(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + size.readFor().toSeconds() + "s", "-s",
                script.toString(), base), Map.of("BENCH_TOKEN", token), dir.resolve("wrk-warm-up.txt"));
        String output = run(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + size.readFor().toSeconds() + "s",
                "--latency", "-s", script.toString(), base), Map.of("BENCH_TOKEN", token), dir.resolve("wrk.txt"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rps", Math.round(number(output, "Requests/sec:\\s+([\\d.]+)")));
        figures.put("p50_ms", round(latencyMs(output, "50%"), 2));
        figures.put("p99_ms", round(latencyMs(output, "99%"), 2));
        figures.put("requests", Math.round(number(output, "(\\d+) requests in")));
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        figures.put("non_2xx", errors.find() ? Long.parseLong(errors.group(1)) : 0L);
        return figures;
    }

    /**
     * {@code db_tps}, and {@code db_p99_ms}: the 99th percentile of pgbench's own latencies (its per-transaction log),
     * what the database alone answers in at the same concurrency, beside which FireSync's p99 is read.
     */
    private static Map<String, Object> pgbench(Path dir, BenchDatabase database, List<Request> requests,
            BenchSize size) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("pgbench-log"));
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c",
                Integer.toString(CONNECTIONS), "-j", "2", "-T", Long.toString(size.readFor().toSeconds()), "-l",
                "--log-prefix=" + logs.resolve("pgbench_log")));
        for (int i = 0; i < requests.size(); i++) {
            Path file = dir.resolve("query-" + i + ".sql");
            Files.writeString(file, requests.get(i).script());
            command.addAll(List.of("-f", file.toString()));
        }
        String output = run(command, database.libpqEnvironment(), dir.resolve("pgbench.txt"));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("db_tps", Math.round(number(output, "tps = ([\\d.]+)")));
        figures.put("db_p99_ms", round(p99Ms(logs), 2));
        return figures;
    }

    /** The 99th percentile of the latencies (third column, microseconds) of every pgbench log in the directory. */
    private static double p99Ms(Path logs) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    latencies.add(Long.parseLong(line.split(" ")[2]));
                }
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("pgbench logged no transaction in " + logs);
        }
        latencies.sort(null);
        return latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1000.0;
    }

    static long userId(Connection db) throws SQLException {
        try (var statement = db.createStatement();
                var rs = statement.executeQuery("SELECT id FROM users WHERE name = 'bench-reader'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String run(List<String> command, Map<String, String> environment, Path output)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " failed; see " + output);
        }
        return Files.readString(output);
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("No match for " + regex + " in:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double latencyMs(String output, String percentile) {
        Matcher matcher = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + percentile + " latency in:\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
