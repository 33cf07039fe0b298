package com.firesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Each job fires on its schedule, driven by the injected clock (db-scheduler polls every 100 ms and finds the job due
 * once the clock passed its time), and does its work, as the database shows. The sandbox's background refreshes are
 * off and its webhooks go nowhere: applied at any moment, they would refresh the connection between the jobs.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"ENABLE_SCHEDULED_SYNC=true", "firesync.schedule.polling-interval=100ms",
        "firesync.sandbox.history=P30D", "firesync.sync.backfill=P40D",
        "firesync.sandbox.refresh-interval=0s", "firesync.sandbox.webhook.url=http://127.0.0.1:1/nowhere",
        "firesync.sandbox.webhook.max-attempts=1"})
class ScheduledJobsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JobSchedules schedules;

    NewUser alice;

    long connection;

    @BeforeEach
    void setUp() {
        // the table was emptied: put back each job's next run, counted from now
        schedules.scheduleMissing(scheduler, clock.instant());
        alice = users.create("alice", Role.USER);
        connection = link(alice);
    }

    @Test
    void periodicSyncRunsEveryTwoHoursAndSyncsEachConnection() {
        assertThat(nextRun(Job.PERIODIC_SYNC)).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        advance(Duration.ofMinutes(119));
        assertThat(runs("schedule")).isZero();

        advance(Duration.ofMinutes(2));

        await().atMost(WAIT).until(() -> runs("schedule") == 1);
        await().atMost(WAIT).until(() -> "succeeded".equals(outcome(Job.PERIODIC_SYNC)));
        assertThat(jdbc.sql("SELECT outcome FROM sync_runs WHERE trigger_kind = 'schedule'").query(String.class)
                .single()).isEqualTo("synced");
        assertThat(nextRun(Job.PERIODIC_SYNC)).isAfter(clock.instant().plus(Duration.ofMinutes(119)));
    }

    @Test
    void healthCheckReapsStuckRunsAndQueuesStaleConnections() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE connections SET last_success_at = :old, last_attempt_at = :old WHERE id = :id")
                .param("old", DbTime.param(now.minus(Duration.ofHours(5))))
                .param("id", connection)
                .update();
        jdbc.sql("""
                INSERT INTO sync_runs (connection_id, user_id, trigger_kind, started_at, instance_id)
                VALUES (:c, :u, 'schedule', :started, 'fs-dead')""")
                .param("c", connection)
                .param("u", alice.id())
                .param("started", DbTime.param(now.minus(Duration.ofHours(1))))
                .update();

        advance(Duration.ofMinutes(16));

        await().atMost(WAIT).until(() -> runs("health") == 1);
        await().atMost(WAIT).until(() -> "succeeded".equals(outcome(Job.HEALTH_CHECK)));
        assertThat(jdbc.sql("SELECT outcome FROM sync_runs WHERE instance_id = 'fs-dead'").query(String.class)
                .single()).isEqualTo("abandoned");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE outcome = 'synced'").query(Long.class).single())
                .as("the connect sync and the health check's").isEqualTo(2);
    }

    @Test
    void tokenRefreshRotatesOldTokensWithoutAGap() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE provider_credentials SET issued_at = :old")
                .param("old", DbTime.param(now.minus(Duration.ofDays(31))))
                .update();

        advance(Duration.ofMinutes(61));

        await().atMost(WAIT).until(() -> "succeeded".equals(outcome(Job.TOKEN_REFRESH)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_credentials WHERE revoked_at IS NULL")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_credentials WHERE revoked_at IS NOT NULL")
                .query(Long.class).single()).isEqualTo(1);
        // the new token works: a forced sync reads the bank with it
        var sync = Http.local(port).send("POST", "/api/sync/intelligent/connection/" + connection + "?force=true",
                alice.token());
        assertThat(sync.json().get("data").get("decision").asString()).as(sync.body()).isEqualTo("synced");
    }

    @Test
    void tokenRefreshRenewsCredentialsExpiringWithinTenMinutes() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE provider_credentials SET expires_at = :soon")
                .param("soon", DbTime.param(now.plus(Duration.ofMinutes(65))))
                .update();

        advance(Duration.ofMinutes(61));

        await().atMost(WAIT).until(() -> "succeeded".equals(outcome(Job.TOKEN_REFRESH)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_credentials WHERE revoked_at IS NULL AND expires_at"
                + " IS NULL").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void dailyCleanupRunsAtTwoInTheMorningInItsZoneAndPrunes() {
        Instant now = clock.instant();
        insertFinishedRun(now.minus(Duration.ofDays(100)));
        insertFinishedRun(now.minus(Duration.ofDays(10)));
        jdbc.sql("UPDATE connect_states SET expires_at = :expired")
                .param("expired", DbTime.param(now.minus(Duration.ofDays(2))))
                .update();
        insertProcessedWebhook("old", now.minus(Duration.ofDays(100)));
        insertProcessedWebhook("recent", now.minus(Duration.ofDays(10)));
        insertCompletedEvent("old", now.minus(Duration.ofDays(2)));
        insertCompletedEvent("recent", now.minus(Duration.ofHours(1)));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day : List.of(today.minusDays(10), today.minusDays(2), today)) {
            jdbc.sql("""
                    INSERT INTO unattended_calls (provider, account, call_day, kind, connection_ref, calls)
                    VALUES ('enablebanking', 'uid-1', :day, 'transactions', 'session-1', 4)""")
                    .param("day", day)
                    .update();
        }
        Instant next = nextRun(Job.DAILY_CLEANUP);
        assertThat(next.atZone(ZoneId.of("Europe/Paris")).toLocalTime()).hasToString("02:00");
        assertThat(next).isAfter(now).isBefore(now.plus(Duration.ofDays(1)));

        advance(Duration.between(now, next.plusSeconds(1)));

        await().atMost(WAIT).until(() -> "succeeded".equals(outcome(Job.DAILY_CLEANUP)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE started_at < :cutoff")
                .param("cutoff", DbTime.param(now.minus(Duration.ofDays(90))))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE started_at < :cutoff")
                .param("cutoff", DbTime.param(now.minus(Duration.ofDays(9))))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connect_states").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT event FROM webhook_inbox").query(String.class).list()).containsExactly("recent");
        assertThat(jdbc.sql("SELECT listener_id FROM event_publication WHERE listener_id LIKE 'test.%'")
                .query(String.class).list()).containsExactly("test.recent");
        // the cleanup ran at two in Paris, the day after the clock's day: the days before its yesterday are gone
        assertThat(jdbc.sql("SELECT call_day FROM unattended_calls").query(LocalDate.class).list())
                .containsExactly(today);
        assertThat(jdbc.sql("SELECT last_detail FROM scheduled_job_runs WHERE job_name = 'dailyCleanup'")
                .query(String.class).single()).startsWith("last 24h: ").contains("pruned 1 sync runs")
                .contains("2 unattended call counts");
    }

    /**
     * Moves the clock and wakes the scheduler: its poller waits for the clock to pass one polling interval, and a
     * clock moved while it was polling would leave it waiting.
     */
    private void advance(Duration duration) {
        clock.advance(duration);
        scheduler.triggerCheckForDueExecutions();
    }

    private void insertFinishedRun(Instant started) {
        jdbc.sql("""
                INSERT INTO sync_runs (connection_id, user_id, trigger_kind, started_at, finished_at, outcome)
                VALUES (:c, :u, 'schedule', :started, :started, 'synced')""")
                .param("c", connection)
                .param("u", alice.id())
                .param("started", DbTime.param(started))
                .update();
    }

    private void insertProcessedWebhook(String event, Instant processed) {
        jdbc.sql("""
                INSERT INTO webhook_inbox (event, body, received_at, processed_at, outcome)
                VALUES (:event, :body, :at, :at, 'applied')""")
                .param("event", event)
                .param("body", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .param("at", DbTime.param(processed))
                .update();
    }

    private void insertCompletedEvent(String name, Instant completed) {
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (:id, :listener, 'test.Event', '{}', :at, :at, 'COMPLETED', 1)""")
                .param("id", java.util.UUID.randomUUID())
                .param("listener", "test." + name)
                .param("at", DbTime.param(completed))
                .update();
    }

    private long link(NewUser user) {
        var callback = new WebviewDriver(Http.local(port)).connect(user.token(), "demo", user.name(), "secret");
        long id = callback.json().get("data").get("connectionIds").get(0).asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> runs("connect") == 1);
        return id;
    }

    private long runs(String trigger) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE trigger_kind = :t AND finished_at IS NOT NULL")
                .param("t", trigger)
                .query(Long.class)
                .single();
    }

    private String outcome(Job job) {
        return jdbc.sql("SELECT last_outcome FROM scheduled_job_runs WHERE job_name = :job")
                .param("job", job.id())
                .query(String.class)
                .optional()
                .orElse("none");
    }

    private Instant nextRun(Job job) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(job.id(), RecurringTask.INSTANCE))
                .orElseThrow()
                .getExecutionTime();
    }
}
