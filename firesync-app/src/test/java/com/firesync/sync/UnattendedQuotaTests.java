package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.EnableBankingLedgerComparison;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Enable Banking's limit of four unattended calls per account, day and kind, met by planning: a connection linked
 * through the in-app sandbox's Enable Banking face (over HTTP, on the test's clock), whose bank changes every day,
 * synced by the scheduled path only (the engine's decisions, driven hour by hour on the clock) or forced by an API
 * client. The sandbox counts the calls and refuses those past its limit; it must never have to.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
// one account, a short history and no provider-wide pacing (the sandbox sets no such limit) keep sixty days of syncs
// quick; the bank's limit is per account all the same
@TestPropertySource(properties = {"firesync.sandbox.refresh-interval=0s", "firesync.sandbox.history=P10D",
        "firesync.sandbox.accounts-per-connection=1", "firesync.provider.rate-limit.requests-per-second=1000"})
class UnattendedQuotaTests {

    private static final int DAYS = 60;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SyncEngine engine;

    @Autowired
    ConnectionLifecycle connections;

    @Autowired
    SandboxWorld world;

    Http http;

    NewUser alice;

    long connectionId;

    @BeforeEach
    void linkThroughTheEnableBankingFace() {
        http = Http.local(port);
        alice = users.create("alice", Role.USER);
        var linked = new WebviewDriver(http).authorizeEnableBanking(alice.token(), "Demo Bank", "FR", "alice",
                "secret");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        connectionId = linked.json().get("data").get("connectionIds").get(0).asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> synced() > 0);
        Background.awaitQuiet(jdbc);
    }

    @Test
    void sixtyDaysOfScheduledSyncsStayUnderTheBanksLimitAndFollowTheWorld() {
        SandboxConnection bank = worldConnection();
        Map<LocalDate, Integer> syncsByDay = new HashMap<>();
        Instant linked = clock.instant();
        Instant lastSync = linked;
        Instant end = linked.plus(Duration.ofDays(DAYS));
        while (clock.instant().isBefore(end)) {
            LocalDate day = day(clock.instant());
            clock.advance(Duration.ofHours(1));
            if (!day(clock.instant()).equals(day)) {
                // the day's last planned sync is behind: the ledger is the world's as of that sync
                assertThat(EnableBankingLedgerComparison.differences(jdbc, connectionId,
                        world.expectedLedger(bank.id(), lastSync))).as("after %s's last sync", day).isEmpty();
            }
            var connection = connections.snapshot(connectionId).orElseThrow();
            SyncOutcome outcome = engine.sync(connection, SyncTrigger.SCHEDULE, false);
            assertThat(outcome.decision()).as(outcome.toString()).isNotEqualTo(SyncOutcome.Decision.FAILED);
            if (outcome.synced()) {
                lastSync = clock.instant();
                syncsByDay.merge(day(lastSync), 1, Integer::sum);
            }
        }

        assertThat(stats().get("refusals").asLong()).isZero();
        List<JsonNode> lines = calls();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("unattended").asLong()).as(line.toString()).isLessThanOrEqualTo(4);
            assertThat(line.get("present").asLong()).as(line.toString()).isZero();
        });
        // the budget is used, not hoarded: four syncs, one every six hours, on every whole day
        LocalDate first = day(linked);
        assertThat(syncsByDay).hasSize(DAYS + 1);
        syncsByDay.forEach((day, syncs) -> {
            if (!day.equals(first) && !day.equals(day(end))) {
                assertThat(syncs).as("syncs on %s", day).isEqualTo(4);
            }
        });
        assertThat(lines.stream().filter(line -> line.get("unattended").asLong() == 4).count())
                .isGreaterThanOrEqualTo((DAYS - 1) * 3L);
    }

    @Test
    void refusesAForcedUnattendedSyncPastTheBudgetWithoutCallingTheBankButServesThePresentUser() {
        // the first sync took one call of each kind: three forced syncs from an API client take the rest
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(forced(false).get("decision").asString()).isEqualTo("synced");
        }
        List<JsonNode> spent = calls();
        assertThat(status().get("unattendedCallsLeft").asInt()).isZero();
        clock.advance(Duration.ofMinutes(10));

        JsonNode refused = forced(false);

        Instant midnight = day(clock.instant()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(refused.get("decision").asString()).isEqualTo("skipped");
        assertThat(refused.get("reason").asString()).isEqualTo("quota_exhausted");
        assertThat(Instant.parse(refused.get("nextAllowedAt").asString())).isEqualTo(midnight);
        assertThat(calls()).as("no call reached the bank").isEqualTo(spent);
        assertThat(Instant.parse(status().get("nextPlannedSync").asString())).isEqualTo(midnight);
        var scheduled = engine.sync(connections.snapshot(connectionId).orElseThrow(), SyncTrigger.SCHEDULE, false);
        assertThat(scheduled.reason()).isEqualTo("quota_exhausted");

        JsonNode attended = forced(true);

        assertThat(attended.get("decision").asString()).as(attended.toString()).isEqualTo("synced");
        assertThat(stats().get("refusals").asLong()).isZero();
        assertThat(calls()).hasSize(3).allSatisfy(line -> {
            assertThat(line.get("unattended").asLong()).isEqualTo(4);
            assertThat(line.get("present").asLong()).isEqualTo(1);
        });
        clock.set(midnight);
        assertThat(status().get("unattendedCallsLeft").asInt()).isEqualTo(4);
        assertThat(forced(false).get("decision").asString()).isEqualTo("synced");
    }

    /**
     * A forced sync of the connection, asked by a browser (a present user: fetch metadata and a {@code User-Agent})
     * or by an API client (Java's HTTP client, whose {@code User-Agent} says nothing of a person).
     */
    @Test
    void aConnectionSyncedAsOftenAsItsBudgetAllowsIsNeitherStaleNorUnhealthy() {
        // synced five hours ago: past the staleness of a connection synced every 2 h, within Enable Banking's 6 h
        // spacing (the clock stays where the other tests expect it)
        syncedAgo(Duration.ofHours(5));
        assertThat(status().get("stale").asBoolean()).isFalse();
        JsonNode health = http.get("/api/sync/health", alice.token()).json().get("data");
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("healthy");

        // nine hours ago: its next unattended sync is overdue
        syncedAgo(Duration.ofHours(9));
        assertThat(status().get("stale").asBoolean()).isTrue();
        assertThat(http.get("/api/sync/health", alice.token()).json().get("data").get("reasons").toString())
                .contains("1 of 1 connections failing or stale");
    }

    private void syncedAgo(Duration ago) {
        jdbc.sql("UPDATE connections SET last_success_at = :at, last_attempt_at = :at WHERE id = :id")
                .param("at", DbTime.param(clock.instant().minus(ago)))
                .param("id", connectionId)
                .update();
    }

    private JsonNode forced(boolean browser) {
        var request = http.request("/api/sync/intelligent/connection/" + connectionId + "?force=true", alice.token())
                .POST(BodyPublishers.noBody());
        if (browser) {
            request.header("User-Agent", "Mozilla/5.0 (FireSync test)").header("Sec-Fetch-Mode", "cors");
        }
        var answer = http.send(request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("data");
    }

    private JsonNode status() {
        return http.get("/api/sync/status", alice.token()).json().get("data").get(0);
    }

    /** The sandbox's count of this connection's calls, per account, day and kind. */
    private List<JsonNode> calls() {
        List<String> uids = jdbc.sql("SELECT provider_account_id FROM accounts WHERE connection_id = :c")
                .param("c", connectionId)
                .query(String.class)
                .list();
        return stats().get("calls").valueStream().filter(line -> uids.contains(line.get("account").asString()))
                .toList();
    }

    private JsonNode stats() {
        return http.get("/sandbox/enablebanking/stats", null).json();
    }

    private long synced() {
        return jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE connection_id = :c AND outcome = 'synced'")
                .param("c", connectionId)
                .query(Long.class)
                .single();
    }

    private SandboxConnection worldConnection() {
        // the world's connections outlive the test database: this test's is the newest
        return world.allConnections().stream().max(java.util.Comparator.comparing(SandboxConnection::id))
                .orElseThrow();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
