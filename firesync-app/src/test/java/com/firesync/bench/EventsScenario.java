package com.firesync.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code events}: live stream clients on the {@code sync_all} instance while it runs one more sync-all cycle, half
 * over SSE, half over WebSocket; all but ten follow one user each, ten admins follow every user. Every client must
 * get every event of its scope that the cycle logs, once; the delivery latency is the arrival less the event's
 * {@code occurredAt} (taken just before its commit, so a little over the latency after commit).
 */
final class EventsScenario {

    static final int ADMINS = 10;

    private EventsScenario() {
    }

    /** The clients: full size 1,000; quick size a few dozen. */
    static int clients(BenchSize size) {
        return "quick".equals(size.name()) ? 40 : 1_000;
    }

    /**
     * Connects the clients, runs {@code cycle} (which syncs every connection and waits for the runs), and measures.
     *
     * @param users user id and token of the users to follow, at least {@code clients - ADMINS}
     */
    static Map<String, Object> run(String base, String admin, List<Follow> users, int clients, Connection db,
            CycleRun cycle) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<Client> connected = connect(http, base, admin, users, clients);
        try {
            // a WebSocket opens its stream 300 ms after the upgrade when no resume frame comes: wait for all of them
            awaitOpen(http, base, admin, clients);
            long from = maxEventId(db);
            double ratio = cycle.run();
            long to = maxEventId(db);
            Map<Long, List<Long>> byUser = eventsByUser(db, from, to);
            List<Long> all = byUser.values().stream().flatMap(List::stream).sorted().toList();
            try {
                Rig.await("every stream's events", Duration.ofMinutes(2), () -> connected.stream()
                        .allMatch(client -> client.received(from, to) >= client.expected(byUser, all).size()));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new IllegalStateException(shortfall(connected, byUser, all, from, to), e);
            }
            return figures(connected, byUser, all, from, to, ratio);
        } finally {
            connected.forEach(client -> client.stream().close());
        }
    }

    private static List<Client> connect(HttpClient http, String base, String admin, List<Follow> users,
            int clients) throws Exception {
        try (var executor = Executors.newFixedThreadPool(16)) {
            List<Future<Client>> opening = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                boolean everyone = i < ADMINS;
                boolean sse = i % 2 == 0;
                Follow follow = everyone ? new Follow(0, admin) : users.get(i - ADMINS);
                String query = everyone ? "?scope=all" : "";
                opening.add(executor.submit(() -> new Client(everyone ? null : follow.userId(), sse
                        ? StreamClient.sse(http, base, follow.token(), query)
                        : StreamClient.webSocket(http, base, follow.token(), query))));
            }
            List<Client> connected = new ArrayList<>();
            for (Future<Client> client : opening) {
                connected.add(client.get());
            }
            return connected;
        }
    }

    /** Waits until the instance reports every stream open ({@code firesync_events_streams}, both kinds). */
    private static void awaitOpen(HttpClient http, String base, String admin, int clients) {
        org.awaitility.Awaitility.await("open streams").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> openStreams(http, base, admin) >= clients);
    }

    private static double openStreams(HttpClient http, String base, String admin) throws Exception {
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                + "/actuator/prometheus")).header("Authorization", "Bearer " + admin).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(line -> line.startsWith("firesync_events_streams{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static Map<String, Object> figures(List<Client> clients, Map<Long, List<Long>> byUser, List<Long> all,
            long from, long to, double ratio) {
        long lost = 0;
        long duplicated = 0;
        List<Long> latencies = new ArrayList<>();
        for (Client client : clients) {
            Set<Long> seen = new HashSet<>();
            for (long[] event : client.stream().received()) {
                if (event[0] > from && event[0] <= to) {
                    if (!seen.add(event[0])) {
                        duplicated++;
                    }
                    latencies.add(event[1]);
                }
            }
            for (long id : client.expected(byUser, all)) {
                lost += seen.contains(id) ? 0 : 1;
            }
        }
        latencies.sort(null);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients.size());
        figures.put("events", all.size());
        figures.put("deliveries", latencies.size());
        figures.put("p50_ms", percentile(latencies, 0.50));
        figures.put("p99_ms", percentile(latencies, 0.99));
        figures.put("lost", lost);
        figures.put("duplicated", duplicated);
        figures.put("sync_ratio", ratio);
        // streams the server or the network ended, each resumed by its client from its last event
        figures.put("resumed", clients.stream().mapToLong(client -> client.stream().endings().size()).sum());
        return figures;
    }

    /** Who missed what, for a failure's message. */
    private static String shortfall(List<Client> clients, Map<Long, List<Long>> byUser, List<Long> all, long from,
            long to) {
        StringBuilder said = new StringBuilder("Events (" + from + ", " + to + "] missed:");
        int i = 0;
        for (Client client : clients) {
            Set<Long> seen = new HashSet<>();
            client.stream().received().forEach(event -> seen.add(event[0]));
            List<Long> missing = client.expected(byUser, all).stream().filter(id -> !seen.contains(id)).toList();
            if (!missing.isEmpty()) {
                said.append("\n  client ").append(i).append(" (").append(client.stream().getClass().getSimpleName())
                        .append(client.userId() == null ? ", every user" : ", user " + client.userId())
                        .append(", earlier streams ended: ").append(client.stream().endings()).append("): ")
                        .append(missing.size())
                        .append(" of ").append(client.expected(byUser, all).size()).append(", first ")
                        .append(missing.subList(0, Math.min(10, missing.size())));
            }
            i++;
        }
        return said.toString();
    }

    private static long percentile(List<Long> sorted, double share) {
        return sorted.isEmpty()
                ? 0
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(share * sorted.size())
                        - 1));
    }

    private static long maxEventId(Connection db) throws SQLException {
        return SyncAllScenario.count(db, "SELECT COALESCE(MAX(id), 0) FROM event_log");
    }

    private static Map<Long, List<Long>> eventsByUser(Connection db, long from, long to) throws SQLException {
        Map<Long, List<Long>> byUser = new HashMap<>();
        try (var query = db
                .prepareStatement("SELECT id, user_id FROM event_log WHERE id > ? AND id <= ? ORDER BY id")) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    byUser.computeIfAbsent(rs.getLong(2), user -> new ArrayList<>()).add(rs.getLong(1));
                }
            }
        }
        return byUser;
    }

    /** A user to follow. */
    record Follow(long userId, String token) {
    }

    /** The measured cycle: answers sync_all's ratio for it. */
    @FunctionalInterface
    interface CycleRun {
        double run() throws Exception;
    }

    /** A connected client and whose events it follows ({@code null}: everyone's). */
    private record Client(Long userId, StreamClient stream) {

        List<Long> expected(Map<Long, List<Long>> byUser, List<Long> all) {
            return userId == null ? all : byUser.getOrDefault(userId, List.of());
        }

        long received(long from, long to) {
            return stream.received().stream().filter(event -> event[0] > from && event[0] <= to).count();
        }
    }
}
