package com.firesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.SandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three FireSync instances in their own JVMs on one PostgreSQL schema run one periodic sync over 210 connections of
 * a standalone sandbox; one instance is killed (SIGKILL) in the middle. Every connection is synced exactly once in
 * the cycle and never by two runs at once, as the sync-run records show: the others take over the dead instance's
 * executions once its heartbeats stop and its connection claims expire. A second cycle then stops another instance
 * gracefully (SIGTERM) in the middle: it finishes its running syncs within the bound, leaving no run unfinished.
 * Runs in the PostgreSQL test run only.
 */
@Tag("postgresql-only")
class ClusterSyncTests {

    private static final int CONNECTIONS = 210;

    private static final Duration LEASE = Duration.ofSeconds(10);

    private final ClusterSchema cluster = new ClusterSchema("fs_cluster_");

    private final List<ClusterInstance> instances = new ArrayList<>();

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(Clock.systemUTC(),
            "--firesync.sandbox.history=P10D", "--firesync.sandbox.accounts-per-connection=1",
            "--firesync.sandbox.latency=PT0.1S");

    @Test
    void threeInstancesSyncEveryConnectionOnceEvenWhenOneIsKilled() throws Exception {
        cluster.create();
        var seed = new ClusterSeed();
        ClusterInstance first = start("a", seed);
        await().atMost(Duration.ofSeconds(120)).until(first::live);
        try (Connection db = cluster.connect()) {
            seed.connections(db, sandbox.bean(SandboxWorld.class), sandbox.bean(Tokens.class), CONNECTIONS);
        }
        start("b", seed);
        start("c", seed);
        await().atMost(Duration.ofSeconds(120)).until(() -> instances.stream().allMatch(ClusterInstance::live));

        assertThat(trigger(first, first.adminToken())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> cluster.count("SELECT COUNT(*) FROM sync_runs") >= 30);
        ClusterInstance victim = busiest(instances);
        // mid-cycle: the victim holds executions and connections are still waiting
        assertThat(picked(victim)).isPositive();
        assertThat(
                cluster.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'syncConnection' AND NOT picked"))
                .isPositive();
        victim.kill();

        awaitCycle(0);

        System.out.printf("Cluster cycle: %d runs, %d cut off by the kill, %d instances%n",
                cluster.count("SELECT COUNT(*) FROM sync_runs"),
                cluster.count("SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NULL"),
                cluster.count("SELECT COUNT(DISTINCT instance_id) FROM sync_runs"));
        assertThat(cluster.count("SELECT COUNT(*) FROM connections")).isEqualTo(CONNECTIONS);
        assertThat(cluster.count("SELECT COUNT(*) FROM (SELECT connection_id FROM sync_runs WHERE outcome = 'synced'"
                + " GROUP BY connection_id HAVING COUNT(*) <> 1) t")).as("connections not synced exactly once")
                .isZero();
        assertThat(cluster.count("SELECT COUNT(*) FROM sync_runs WHERE outcome IS DISTINCT FROM 'synced'"
                + " AND finished_at IS NOT NULL")).as("failed runs").isZero();
        assertThat(cluster.count("SELECT COUNT(*) FROM (SELECT connection_id FROM sync_runs WHERE finished_at IS NULL"
                + " GROUP BY connection_id HAVING COUNT(*) > 1) t")).as("several cut-off runs").isZero();
        assertThat(cluster.count("SELECT COUNT(DISTINCT instance_id) FROM sync_runs")).isEqualTo(3);
        assertThat(cluster.count("""
                SELECT COUNT(*) FROM sync_runs a JOIN sync_runs b ON a.connection_id = b.connection_id AND a.id < b.id
                WHERE a.started_at < COALESCE(b.finished_at, b.started_at + INTERVAL '10 seconds')
                  AND b.started_at < COALESCE(a.finished_at, a.started_at + INTERVAL '10 seconds')"""))
                .as("overlapping runs of one connection").isZero();

        secondCycleWithAGracefulStop(first);
    }

    private void secondCycleWithAGracefulStop(ClusterInstance first) throws Exception {
        long before = cluster.count("SELECT COALESCE(MAX(id), 0) FROM sync_runs");
        cluster.execute(
                "UPDATE " + cluster.name() + ".connections SET last_success_at = last_success_at - INTERVAL '3 hours',"
                        + " last_attempt_at = last_attempt_at - INTERVAL '3 hours'");
        List<ClusterInstance> alive = instances.stream().filter(ClusterInstance::alive).toList();
        assertThat(trigger(alive.get(0), first.adminToken())).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> cluster.count("SELECT COUNT(*) FROM sync_runs WHERE id > " + before) >= 20);
        ClusterInstance stopping = busiest(alive);
        long running = picked(stopping);
        assertThat(running).isPositive();

        Duration stopped = stopping.stop();
        System.out.printf("Graceful stop of an instance running %d syncs took %d ms%n", running, stopped.toMillis());
        assertThat(stopped).isLessThan(Duration.ofSeconds(35));

        awaitCycle(before);
        assertThat(cluster.count("SELECT COUNT(*) FROM sync_runs WHERE id > " + before + " AND finished_at IS NULL"))
                .as("runs cut off by the graceful stop").isZero();
        assertThat(cluster.count("SELECT COUNT(*) FROM sync_runs WHERE id > " + before)).isEqualTo(CONNECTIONS);
    }

    /**
     * Waits until every connection has a synced run after run {@code before} and no connection sync is left to run;
     * says what was left when it never comes.
     */
    private void awaitCycle(long before) throws SQLException {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> cluster.count("SELECT COUNT(DISTINCT connection_id) FROM sync_runs WHERE outcome ="
                            + " 'synced' AND id > " + before) == CONNECTIONS
                            && cluster.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name ="
                                    + " 'syncConnection'") == 0);
        } catch (ConditionTimeoutException e) {
            String unsynced = "SELECT id FROM connections WHERE id NOT IN (SELECT connection_id FROM sync_runs"
                    + " WHERE outcome = 'synced' AND id > " + before + ")";
            throw new AssertionError("The cycle did not end. Now: " + cluster.rows("SELECT now()")
                    + "Connections not synced:\n" + cluster.rows("SELECT id, state, sync_claimed_by,"
                            + " sync_claimed_until, last_attempt_at, last_success_at, consecutive_failures"
                            + " FROM connections WHERE id IN (" + unsynced + ") ORDER BY id")
                    + "Their runs:\n" + cluster.rows("SELECT * FROM sync_runs WHERE connection_id IN (" + unsynced
                            + ") ORDER BY id")
                    + "Connection syncs left:\n" + cluster.rows("SELECT task_instance, execution_time, picked,"
                            + " picked_by, last_heartbeat, consecutive_failures, last_failure FROM scheduled_tasks"
                            + " WHERE task_name = 'syncConnection' ORDER BY task_instance")
                    + "Claimants:\n" + cluster.rows("SELECT * FROM claimants"), e);
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ClusterInstance instance : instances) {
            instance.close();
        }
        cluster.drop();
    }

    private ClusterInstance start(String name, ClusterSeed seed) throws Exception {
        Map<String, String> environment = cluster.environment(seed, sandbox.root());
        // the three share one provider budget: 30/s is what they sent together when each had 10/s of its own
        environment.put("FIRESYNC_PROVIDER_RATELIMIT_REQUESTSPERSECOND", "30");
        ClusterInstance instance = ClusterInstance.start(name, environment, List.of(cluster.flywaySchemas(),
                "--firesync.sandbox.enabled=false", "--firesync.schedule.polling-interval=200ms",
                "--firesync.schedule.heartbeat-interval=1s", "--firesync.schedule.busy-retry=2s",
                "--firesync.schedule.threads=4", "--firesync.sync.lease=" + LEASE.toSeconds() + "s",
                "--firesync.sync.min-interval=1s", "--logging.level.root=WARN",
                "--logging.level.com.firesync=INFO"));
        instances.add(instance);
        return instance;
    }

    private int trigger(ClusterInstance instance, String adminToken) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client
                    .send(HttpRequest.newBuilder(URI.create(instance.base() + "/api/sync/jobs/trigger/periodicSync"))
                            .header("Authorization", "Bearer " + adminToken)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    /** The instance running the most connection syncs now (its scheduler is named after its process id). */
    private ClusterInstance busiest(List<ClusterInstance> candidates) throws SQLException {
        ClusterInstance busiest = candidates.get(0);
        long most = -1;
        for (ClusterInstance instance : candidates) {
            long running = picked(instance);
            if (running > most) {
                most = running;
                busiest = instance;
            }
        }
        return busiest;
    }

    private long picked(ClusterInstance instance) throws SQLException {
        return cluster.count(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE picked AND picked_by LIKE 'firesync-" + instance.pid()
                        + "@%'");
    }
}
