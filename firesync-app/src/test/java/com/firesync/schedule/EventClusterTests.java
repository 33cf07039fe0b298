package com.firesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.SandboxServer;
import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.EventClients;
import com.firesync.testing.Http;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two FireSync instances in their own JVMs on one PostgreSQL schema sync 50 connections between them. An admin
 * follows every user's events with an SSE client on instance A and a WebSocket client (opened with a ticket issued
 * by A) on instance B: each receives every logged event, in id order, within a second of its commit whichever
 * instance ran the sync; each client is killed mid-cycle and reconnects with the last id it got, and ends with
 * every event exactly once; stopping the instances gracefully closes both streams with their resume point. Runs in
 * the PostgreSQL test run only.
 */
@Tag("postgresql-only")
class EventClusterTests {

    private static final int CONNECTIONS = 50;

    private static final Duration LATENCY = Duration.ofSeconds(1);

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final ClusterSchema cluster = new ClusterSchema("fs_events_");

    private final List<ClusterInstance> instances = new ArrayList<>();

    private final List<EventClients.Received> clients = new ArrayList<>();

    private ConfigurableApplicationContext sandbox;

    @Test
    void streamsOnBothInstancesGetEveryEventOnceInOrderAcrossAKillAndAReconnect() throws Exception {
        sandbox = SandboxServer.run(Clock.systemUTC(), "--server.port=0", "--firesync.sandbox.history=P5D",
                "--firesync.sandbox.accounts-per-connection=1", "--firesync.sandbox.refresh-interval=0s",
                "--firesync.sandbox.latency=PT0.05S",
                "--spring.modulith.events.jdbc.schema-initialization.enabled=false");
        cluster.create();
        var seed = new ClusterSeed();
        ClusterInstance a = start("a", seed);
        await().atMost(Duration.ofSeconds(120)).until(a::live);
        try (Connection db = cluster.connect()) {
            seed.connections(db, sandbox.getBean(SandboxWorld.class), sandbox.getBean(Tokens.class), CONNECTIONS);
        }
        ClusterInstance b = start("b", seed);
        await().atMost(Duration.ofSeconds(120)).until(b::live);
        String admin = a.adminToken();

        Follower sse = new Follower();
        Follower ws = new Follower();
        // from the start of the log: the first events of the cycle may commit before a stream is subscribed
        sse.sse(a, admin, "0");
        ws.ws(a, b, admin, "0");
        assertThat(new Http(a.base()).postJson("/api/sync/jobs/trigger/periodicSync", admin, "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.count("SELECT COUNT(*) FROM sync_runs") >= 15);
        String sseLast = sse.kill();
        String wsLast = ws.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.count("SELECT COUNT(*) FROM sync_runs") >= 30);
        sse.sse(a, admin, sseLast);
        ws.ws(a, b, admin, wsLast);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster
                        .count("SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NOT NULL") == CONNECTIONS);
        List<Long> logged = ids();
        for (Follower follower : List.of(sse, ws)) {
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> follower.ids().size() >= logged.size());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the assertion below says what is missing
            }
            List<Long> missing = new ArrayList<>(logged);
            missing.removeAll(follower.ids());
            assertThat(follower.ids()).as("every event once, in order; missing %s", missing).isEqualTo(logged);
            assertThat(follower.lateLive()).as("live events delivered over a second after they occurred").isEmpty();
        }
        assertThat(cluster.count("SELECT COUNT(DISTINCT instance_id) FROM sync_runs")).as("syncs ran on both")
                .isEqualTo(2);
        assertThat(cluster.count("SELECT COUNT(*) FROM event_log WHERE type = 'sync.completed'"))
                .isEqualTo(CONNECTIONS);
        // a graceful stop closes each stream with its resume point
        a.stop();
        b.stop();
        for (Follower follower : List.of(sse, ws)) {
            var last = follower.sessions.getLast();
            await().atMost(Duration.ofSeconds(10)).until(() -> last.closing() != null);
            JsonNode closing = JSON.readTree(last.closing());
            assertThat(closing.get("reason").asString()).isEqualTo("shutdown");
            assertThat(closing.get("lastEventId").asString()).isEqualTo(last.lastId());
        }
        System.out.printf("Event cluster: %d events, %d syncs, max live latency SSE %d ms, WebSocket %d ms%n",
                logged.size(), CONNECTIONS, sse.maxLatency().toMillis(), ws.maxLatency().toMillis());
    }

    /** One client that follows the stream across its reconnections. */
    private final class Follower {

        private final List<EventClients.Received> sessions = new ArrayList<>();

        private final Map<EventClients.Received, Instant> opened = new HashMap<>();

        void sse(ClusterInstance on, String token, String lastId) {
            var client = EventClients.Sse.open(on.base(), token, "?scope=all", lastId);
            assertThat(client.status()).isEqualTo(200);
            add(client);
        }

        void ws(ClusterInstance issuer, ClusterInstance on, String token, String lastId) {
            JsonNode ticket = new Http(issuer.base()).postJson("/api/events/tickets", token, "").json().get("data");
            add(EventClients.Ws.open(on.base(), null, "?scope=all&ticket=" + ticket.get("ticket").asString(),
                    lastId));
        }

        private void add(EventClients.Received client) {
            sessions.add(client);
            clients.add(client);
            opened.put(client, Instant.now());
        }

        /** Kills the current connection, answering the last id it got. */
        String kill() {
            var current = sessions.getLast();
            current.close();
            return current.lastId();
        }

        List<Long> ids() {
            List<Long> all = new ArrayList<>();
            sessions.forEach(session -> all.addAll(session.ids()));
            return all;
        }

        /** Events that occurred while a session was open and reached it over a second later. */
        List<String> lateLive() {
            List<String> late = new ArrayList<>();
            for (var session : sessions) {
                Instant since = opened.get(session).plusMillis(500);
                for (int i = 0; i < session.events().size(); i++) {
                    JsonNode event = session.events().get(i);
                    Instant occurred = Instant.parse(event.get("occurredAt").asString());
                    Duration latency = Duration.between(occurred, session.receivedAt().get(i));
                    if (occurred.isAfter(since) && latency.compareTo(LATENCY) > 0) {
                        late.add(event.get("id").asString() + ": " + latency.toMillis() + " ms");
                    }
                }
            }
            return late;
        }

        Duration maxLatency() {
            Duration max = Duration.ZERO;
            for (var session : sessions) {
                for (int i = 0; i < session.events().size(); i++) {
                    Instant occurred = Instant.parse(session.events().get(i).get("occurredAt").asString());
                    Duration latency = Duration.between(occurred, session.receivedAt().get(i));
                    if (occurred.isAfter(opened.get(session).plusMillis(500)) && latency.compareTo(max) > 0) {
                        max = latency;
                    }
                }
            }
            return max;
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        clients.forEach(EventClients.Received::close);
        for (ClusterInstance instance : instances) {
            instance.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        cluster.drop();
    }

    private ClusterInstance start(String name, ClusterSeed seed) throws Exception {
        String port = sandbox.getEnvironment().getProperty("local.server.port");
        Map<String, String> environment = cluster.environment(seed, "http://127.0.0.1:" + port + "/sandbox");
        ClusterInstance instance = ClusterInstance.start(name, environment, List.of(cluster.flywaySchemas(),
                "--firesync.sandbox.enabled=false", "--firesync.schedule.polling-interval=200ms",
                "--firesync.schedule.threads=3", "--firesync.sync.min-interval=1s", "--logging.level.root=WARN"));
        instances.add(instance);
        return instance;
    }

    private List<Long> ids() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = cluster.connect();
                var statement = db.createStatement();
                var rs = statement.executeQuery("SELECT id FROM event_log ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
