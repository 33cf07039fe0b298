package com.firesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.Http;
import com.firesync.testing.SandboxExtension;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Three FireSync instances in their own JVMs on one PostgreSQL schema share one provider budget of 20 requests a
 * second against a standalone sandbox that answers 429 above 20 a second (its token bucket, set through its control
 * route). A whole sync cycle gets no 429 and runs within 10 % of the limit, as the sandbox's own call count over the
 * cycle's wall time shows; in a second cycle one instance is killed (SIGKILL) in the middle and the two others go on
 * within the budget until every connection is synced. Runs in the PostgreSQL test run only.
 */
@Tag("postgresql-only")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderBudgetClusterTests {

    private static final int BUDGET = 20;

    private static final int CONNECTIONS = 120;

    private final ClusterSchema cluster = new ClusterSchema("fs_budget_");

    private final List<ClusterInstance> instances = new ArrayList<>();

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(Clock.systemUTC(),
            "--firesync.sandbox.history=P10D", "--firesync.sandbox.accounts-per-connection=1",
            "--firesync.sandbox.latency=PT0.05S", "--firesync.sandbox.control=true");

    private Http sandboxHttp = Http.absolute("");

    @BeforeAll
    void startThreeInstances() throws Exception {
        sandboxHttp = Http.absolute(sandbox.root());
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
        JsonNode limit = sandboxHttp.postJson("/control", null, "{\"rate_limit\":" + BUDGET + "}").json();
        assertThat(limit.path("rate_limit").asDouble()).isEqualTo(BUDGET);
    }

    @Test
    @Order(1)
    void threeInstancesSyncAtTheSharedBudgetWithoutA429() throws Exception {
        Cycle cycle = runCycle(null);

        System.out.printf("Shared budget of %d/s, 3 instances: %d calls in %.2f s = %.1f requests/s, %d x 429%n",
                BUDGET, cycle.calls(), cycle.wallSeconds(), cycle.rate(), cycle.rateLimited());
        assertThat(cycle.rateLimited()).as("429 answers").isZero();
        assertThat(cycle.calls()).as("provider calls").isGreaterThanOrEqualTo(CONNECTIONS * 2L);
        assertThat(cycle.rate()).as("requests a second over the cycle").isBetween(BUDGET * 0.9, BUDGET * 1.1);
        assertThat(cluster.count("SELECT COUNT(DISTINCT instance_id) FROM sync_runs")).as("instances that synced")
                .isEqualTo(3);
        // the first cycle is all these instances did: their counters hold its round trips to the database
        long batches = 0;
        for (ClusterInstance instance : instances) {
            batches += budgetBatches(instance);
        }
        System.out.printf("%d round trips to the shared budget: %.1f permits each%n", batches,
                (double) cycle.calls() / batches);
        assertThat(batches).as("round trips to the shared budget").isPositive().isLessThan(cycle.calls() / 2);
    }

    @Test
    @Order(2)
    void theOthersKeepToTheBudgetWhenOneInstanceIsKilledMidCycle() throws Exception {
        cluster.execute(
                "UPDATE " + cluster.name() + ".connections SET last_success_at = last_success_at - INTERVAL '3 hours',"
                        + " last_attempt_at = last_attempt_at - INTERVAL '3 hours'");
        long[] afterKill = new long[2];
        Cycle cycle = runCycle(before -> {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> cluster.count("SELECT COUNT(*) FROM sync_runs WHERE id > " + before) >= CONNECTIONS
                            / 4);
            ClusterInstance victim = busiest();
            assertThat(picked(victim)).as("syncs the victim runs when killed").isPositive();
            victim.kill();
            afterKill[0] = apiCalls();
            afterKill[1] = System.nanoTime();
        });
        double rateAfterKill = (cycle.callsAtEnd() - afterKill[0]) / ((cycle.endedAt() - afterKill[1]) / 1e9);

        System.out.printf("Kill mid-cycle: %d calls in %.2f s = %.1f requests/s (%.1f after the kill), %d x 429%n",
                cycle.calls(), cycle.wallSeconds(), cycle.rate(), rateAfterKill, cycle.rateLimited());
        assertThat(cycle.rateLimited()).as("429 answers").isZero();
        assertThat(cycle.rate()).as("requests a second over the cycle").isLessThanOrEqualTo(BUDGET * 1.1);
        assertThat(rateAfterKill).as("requests a second after the kill").isLessThanOrEqualTo(BUDGET * 1.1);
        assertThat(instances.stream().filter(ClusterInstance::alive).count()).isEqualTo(2);
    }

    /**
     * Triggers a periodic sync, runs {@code midCycle} (given the last sync run id before the cycle) and waits until
     * every connection is synced in this cycle.
     */
    private Cycle runCycle(@Nullable MidCycle midCycle) throws Exception {
        long before = cluster.count("SELECT COALESCE(MAX(id), 0) FROM sync_runs");
        JsonNode start = sandboxHttp.get("/stats", null).json();
        ClusterInstance trigger = instances.stream().filter(ClusterInstance::alive).findFirst().orElseThrow();
        assertThat(trigger(trigger, instances.get(0).adminToken())).isEqualTo(202);
        if (midCycle != null) {
            midCycle.run(before);
        }
        String synced = "SELECT COUNT(DISTINCT connection_id) FROM sync_runs WHERE outcome = 'synced' AND id > "
                + before;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> cluster.count(synced) == CONNECTIONS
                        && cluster
                                .count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'syncConnection'") == 0);
        long endedAt = System.nanoTime();
        JsonNode end = sandboxHttp.get("/stats", null).json();
        // the cycle's wall time: from the first sync's start to the last one's end, as the instances recorded them
        double wall = cluster.number("SELECT EXTRACT(EPOCH FROM MAX(finished_at) - MIN(started_at)) FROM sync_runs"
                + " WHERE id > " + before);
        return new Cycle(end.path("api_calls").asLong() - start.path("api_calls").asLong(),
                end.path("rate_limited").asLong() - start.path("rate_limited").asLong(), wall,
                end.path("api_calls").asLong(), endedAt);
    }

    /**
     * @param calls provider calls the sandbox served in the cycle
     * @param rateLimited calls it refused with 429
     * @param wallSeconds from the first sync's start to the last one's end
     * @param callsAtEnd the sandbox's call count when the cycle ended
     * @param endedAt {@link System#nanoTime()} when the cycle was seen complete
     */
    private record Cycle(long calls, long rateLimited, double wallSeconds, long callsAtEnd, long endedAt) {

        double rate() {
            return calls / wallSeconds;
        }
    }

    @FunctionalInterface
    private interface MidCycle {

        void run(long lastRunBefore) throws Exception;
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (ClusterInstance instance : instances) {
            instance.close();
        }
        cluster.drop();
    }

    private ClusterInstance start(String name, ClusterSeed seed) throws Exception {
        Map<String, String> environment = cluster.environment(seed, sandbox.root());
        environment.put("FIRESYNC_PROVIDER_RATELIMIT_REQUESTSPERSECOND", Integer.toString(BUDGET));
        ClusterInstance instance = ClusterInstance.start(name, environment, List.of(cluster.flywaySchemas(),
                "--firesync.sandbox.enabled=false", "--firesync.schedule.polling-interval=200ms",
                "--firesync.schedule.heartbeat-interval=1s", "--firesync.schedule.busy-retry=2s",
                "--firesync.schedule.threads=8", "--firesync.sync.lease=10s", "--firesync.sync.min-interval=1s",
                "--logging.level.root=WARN", "--logging.level.com.firesync=INFO"));
        instances.add(instance);
        return instance;
    }

    /** The instance's {@code firesync_provider_budget_batches_total}, from its Prometheus scrape. */
    private long budgetBatches(ClusterInstance instance) throws IOException {
        String metrics = Http.absolute(instance.base()).get("/actuator/prometheus", instances.get(0).adminToken())
                .body();
        Matcher sample = Pattern.compile("(?m)^firesync_provider_budget_batches_total\\{[^}]*} ([0-9.eE+-]+)$")
                .matcher(metrics);
        assertThat(sample.find()).as("the budget's meter on " + instance.base()).isTrue();
        return (long) Double.parseDouble(sample.group(1));
    }

    private long apiCalls() {
        return sandboxHttp.get("/stats", null).json().path("api_calls").asLong();
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

    /** The live instance running the most connection syncs now (its scheduler is named after its process id). */
    private ClusterInstance busiest() throws SQLException {
        ClusterInstance busiest = instances.get(0);
        long most = -1;
        for (ClusterInstance instance : instances) {
            long running = instance.alive() ? picked(instance) : -1;
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
