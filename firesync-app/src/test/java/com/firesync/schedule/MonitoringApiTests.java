package com.firesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.provider.ProviderFailure;
import com.firesync.provider.resilience.ConnectionCircuits;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The original service's monitoring calls answer in their documented shapes, and Prometheus shows every FireSync
 * metric with samples after a sync. Scheduled jobs are off here ({@code ENABLE_SCHEDULED_SYNC=false}): manual
 * triggers still run.
 */
@FireSyncTest
@TestPropertySource(properties = {"firesync.sandbox.history=P30D", "firesync.sync.backfill=P40D",
        "firesync.schedule.polling-interval=100ms", "firesync.provider.rate-limit.requests-per-second=5",
        "firesync.provider.retry.initial-backoff=10ms"})
class MonitoringApiTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConnectionCircuits circuits;

    Http http;

    NewUser alice;

    NewUser admin;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        alice = users.create("alice", Role.USER);
        admin = users.create("root", Role.ADMIN);
    }

    @Test
    void healthAnswersTheSeedShapeFromRealChecks() {
        long connection = link(alice, "demo", "alice");
        // the sandbox reports its first sync by webhook: once that is applied, nothing else moves the connection
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM webhook_inbox WHERE processed_at IS NOT NULL").query(Long.class).single() > 0);
        Background.awaitQuiet(jdbc);

        JsonNode body = http.get("/api/sync/health", alice.token()).json();

        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode data = body.get("data");
        assertThat(data.get("status").asString()).isEqualTo("healthy");
        JsonNode sync = data.get("syncService");
        assertThat(sync.get("totalSyncs").asLong()).isEqualTo(1);
        assertThat(sync.get("successfulSyncs").asLong()).isEqualTo(1);
        assertThat(sync.get("successRate").asString()).isEqualTo("100.00%");
        assertThat(sync.get("activeJobs").isNumber()).isTrue();
        JsonNode jobs = data.get("scheduledJobs");
        assertThat(jobs.get("initialized").asBoolean()).isFalse();
        assertThat(jobs.get("totalJobs").asInt()).isEqualTo(4);
        assertThat(jobs.get("status").asString()).isEqualTo("disabled");
        JsonNode database = data.get("database");
        assertThat(database.get("connections").asLong()).isEqualTo(1);
        assertThat(database.get("accounts").asLong()).isEqualTo(3);
        assertThat(database.get("transactions").asLong()).isPositive();
        assertThat(database.get("status").asString()).isEqualTo("healthy");

        jdbc.sql("UPDATE connections SET state = 'failing', consecutive_failures = 3 WHERE id = :id")
                .param("id", connection)
                .update();
        JsonNode failing = http.get("/api/sync/health", alice.token()).json().get("data");
        assertThat(failing.get("status").asString()).isEqualTo("unhealthy");
        assertThat(failing.get("reasons").get(0).asString()).isEqualTo("1 of 1 connections failing or stale");
        Answer actuator = http.get("/actuator/health", admin.token());
        assertThat(actuator.status()).isEqualTo(503);
        assertThat(actuator.json().get("components").get("sync").get("status").asString()).isEqualTo("DOWN");
    }

    @Test
    void statusAndJobStatusAnswerTheirShapes() {
        link(alice, "demo", "alice");

        JsonNode status = http.get("/api/sync/status", alice.token()).json().get("data").get(0);
        assertThat(status.propertyNames()).contains("connectionId", "bank", "state", "lastAttemptAt",
                "lastSuccessAt", "stalenessSeconds", "stale", "nextPlannedSync", "consecutiveFailures",
                "circuitState", "userAction");

        JsonNode jobs = http.get("/api/sync/jobs/status", alice.token()).json().get("data");
        assertThat(jobs.valueStream().map(job -> job.get("name").asString()))
                .containsExactly("periodicSync", "healthCheck", "tokenRefresh", "dailyCleanup");
        JsonNode periodic = jobs.get(0);
        assertThat(periodic.propertyNames()).contains("name", "schedule", "enabled", "lastRun", "lastOutcome",
                "nextRun", "running");
        assertThat(periodic.get("schedule").asString()).isEqualTo("every PT2H");
        assertThat(periodic.get("enabled").asBoolean()).isFalse();
        assertThat(periodic.get("nextRun").isNull()).isTrue();
        assertThat(jobs.get(3).get("schedule").asString()).isEqualTo("cron 0 0 2 * * * Europe/Paris");
    }

    @Test
    void triggersRunJobsNowForAdminsOnly() {
        link(alice, "demo", "alice");

        Answer periodic = http.send("POST", "/api/sync/jobs/trigger/periodicSync", admin.token());
        Answer health = http.send("POST", "/api/sync/jobs/trigger/healthCheck", admin.token());

        assertThat(periodic.status()).isEqualTo(202);
        assertThat(periodic.json().get("data").get("job").asString()).isEqualTo("periodicSync");
        assertThat(periodic.json().get("data").get("queuedAt").asString()).isNotBlank();
        assertThat(health.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode jobs = http.get("/api/sync/jobs/status", alice.token()).json().get("data");
            assertThat(jobs.get(0).get("lastOutcome").asString()).isEqualTo("succeeded");
            assertThat(jobs.get(0).get("lastResult").asString()).isEqualTo("queued 1 of 1 connections");
            assertThat(jobs.get(1).get("lastOutcome").asString()).isEqualTo("succeeded");
        });

        Answer unknown = http.send("POST", "/api/sync/jobs/trigger/nightlyParty", admin.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asString()).isEqualTo("job_not_found");
        Answer forbidden = http.send("POST", "/api/sync/jobs/trigger/periodicSync", alice.token());
        assertThat(forbidden.status()).isEqualTo(403);
    }

    @Test
    void prometheusShowsEveryMetricWithSamplesAfterASync() {
        link(alice, "demo", "alice");
        NewUser bob = users.create("bob", Role.USER);
        long flaky = link(bob, "test", "flaky:50");
        // a failure the breaker counts, as a sync that ran out of retries records it
        circuits.recordFailure(flaky, new ProviderFailure.Transient("bug", null));
        http.send("POST", "/api/sync/jobs/trigger/healthCheck", admin.token());
        http.post("/api/webhooks/powens", null, "application/json", "{}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_job_runs WHERE last_outcome = 'succeeded'")
                        .query(Long.class)
                        .single() == 1);

        String metrics = http.get("/actuator/prometheus", admin.token()).body();

        for (String sample : List.of("firesync_sync_runs_total", "firesync_sync_duration_seconds_bucket",
                "firesync_sync_duration_seconds_count", "firesync_sync_transactions_total",
                "firesync_provider_calls_seconds_count", "firesync_provider_calls_seconds_max",
                "firesync_provider_rate_limit_waits_total", "firesync_provider_retries_total",
                "firesync_provider_circuits", "firesync_connections", "firesync_sync_staleness_seconds",
                "firesync_job_runs_total", "firesync_job_duration_seconds_count",
                "firesync_webhooks_received_total", "firesync_connection_transitions_total",
                "firesync_connections_linked_total")) {
            assertThat(maxSample(metrics, sample)).as(sample).isPositive();
        }
        assertThat(metrics).contains("endpoint=\"GET /users/me/connections/{id}\"", "trigger=\"connect\"",
                "outcome=\"synced\"", "state=\"active\"", "job=\"healthCheck\"", "outcome=\"missing_signature\"",
                "from=\"syncing\"", "flow=\"connect\"");
        assertThat(metrics).doesNotContain(alice.token(), "access_token=");
    }

    private long link(NewUser user, String bank, String login) {
        Answer callback = new WebviewDriver(http).connect(user.token(), bank, login, "secret");
        long id = callback.json().get("data").get("connectionIds").get(0).asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE connection_id = :c AND finished_at"
                        + " IS NOT NULL").param("c", id).query(Long.class).single() > 0);
        // the sandbox's webhook of the link waits for that sync and then rewrites the connection's state: let it
        Background.awaitQuiet(jdbc);
        return id;
    }

    private static double maxSample(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        double max = 0;
        while (matcher.find()) {
            max = Math.max(max, Double.parseDouble(matcher.group(2)));
        }
        return max;
    }
}
