package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.provider.ProviderFailure;
import com.firesync.provider.resilience.ConnectionCircuits;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every decision of the sync policy, asked through the HTTP API with the clock in the test's hands, against a
 * standalone sandbox that sends no webhooks, so that nothing but the test touches the connection.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class SyncDecisionApiTests {

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(new MutableClock(TestClockConfiguration.START),
            "--firesync.sandbox.history=P10D");

    @DynamicPropertySource
    static void standaloneSandbox(DynamicPropertyRegistry registry) {
        sandbox.pointFireSyncAt(registry, "P20D");
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ConnectionCircuits circuits;

    Http http;

    NewUser alice;

    long connectionId;

    @AfterEach
    void forgetCircuits() {
        circuits.recordSuccess(connectionId);
    }

    @BeforeEach
    void linkABank() {
        http = Http.local(port);
        alice = users.create("alice", Role.USER);
        connectionId = new WebviewDriver(http).connect(alice.token(), "demo", "alice", "secret")
                .json()
                .get("data")
                .get("connectionIds")
                .get(0)
                .asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE outcome = 'synced'")
                        .query(Long.class)
                        .single() > 0);
    }

    @Test
    void holdsTheMinimumIntervalForcedOrNot() {
        Instant lastAttempt = column("last_attempt_at");

        assertSkipped(sync(false), "rate_limited", lastAttempt.plus(Duration.ofMinutes(5)));
        assertSkipped(sync(true), "rate_limited", lastAttempt.plus(Duration.ofMinutes(5)));
    }

    @Test
    void skipsAFreshConnectionUnlessForced() {
        clock.advance(Duration.ofMinutes(10));

        assertSkipped(sync(false), "fresh", column("last_success_at").plus(Duration.ofHours(2)));
        JsonNode forced = sync(true);
        assertThat(forced.get("decision").asString()).as(forced.toString()).isEqualTo("synced");
        assertThat(forced.get("runId").asLong()).isPositive();
    }

    @Test
    void syncsAStaleConnection() {
        clock.advance(Duration.ofHours(5));

        JsonNode stale = sync(false);
        assertThat(stale.get("decision").asString()).as(stale.toString()).isEqualTo("synced");
    }

    @Test
    void skipsWhileAnotherSyncHoldsTheConnection() {
        clock.advance(Duration.ofHours(5));
        Instant until = clock.instant().plus(Duration.ofMinutes(10));
        jdbc.sql("UPDATE connections SET sync_claimed_by = 'elsewhere', sync_claimed_until = :until")
                .param("until", until.atOffset(java.time.ZoneOffset.UTC))
                .update();

        assertSkipped(sync(true), "in_progress", until);
        jdbc.sql("UPDATE connections SET sync_claimed_by = NULL, sync_claimed_until = NULL").update();
    }

    @Test
    void neverRetriesAConnectionThatNeedsTheUser() {
        clock.advance(Duration.ofHours(5));
        jdbc.sql("UPDATE connections SET state = 'needs_user_action', provider_state = 'wrongpass'").update();

        assertSkipped(sync(true), "needs_user_action", null);
        JsonNode status = http.get("/api/sync/status", alice.token()).json().get("data").get(0);
        assertThat(status.get("userAction").get("required").asBoolean()).isTrue();
        assertThat(status.get("userAction").get("providerState").asString()).isEqualTo("wrongpass");
        assertThat(status.get("userAction").get("reconnectRoute").asString())
                .isEqualTo("/api/auth/powens/url?reconnect=" + connectionId);
    }

    @Test
    void skipsWhileTheCircuitIsOpenAndSaysWhenItProbes() {
        clock.advance(Duration.ofHours(5));
        for (int i = 0; i < 3; i++) {
            circuits.recordFailure(connectionId, new ProviderFailure.Transient("http_503", null));
        }
        Instant probe = circuits.openUntil(connectionId).orElseThrow();

        assertSkipped(sync(false), "circuit_open", probe);
        assertThat(http.get("/api/sync/status", alice.token()).json().get("data").get(0).get("circuitState")
                .asString()).isEqualTo("open");
        clock.set(probe.plusSeconds(1));
        JsonNode probed = sync(false);
        assertThat(probed.get("decision").asString()).as(probed.toString()).isEqualTo("synced");
    }

    @Test
    void refusesBadParametersAndOtherUsersConnections() {
        var mallory = users.create("mallory", Role.USER);

        assertThat(http.postJson("/api/sync/intelligent/connection/" + connectionId, mallory.token(), "").status())
                .isEqualTo(404);
        assertThat(http.postJson("/api/sync/intelligent/connection/abc", alice.token(), "").status()).isEqualTo(400);
        assertThat(http.postJson("/api/sync/intelligent/connection/" + connectionId + "?force=yes", alice.token(), "")
                .status()).isEqualTo(400);
    }

    private JsonNode sync(boolean force) {
        var answer = http.postJson("/api/sync/intelligent/connection/" + connectionId + (force ? "?force=true" : ""),
                alice.token(), "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("data");
    }

    private static void assertSkipped(JsonNode outcome, String reason, Instant nextAllowedAt) {
        assertThat(outcome.get("decision").asString()).isEqualTo("skipped");
        assertThat(outcome.get("reason").asString()).isEqualTo(reason);
        if (nextAllowedAt == null) {
            assertThat(outcome.get("nextAllowedAt").isNull()).isTrue();
        } else {
            assertThat(Instant.parse(outcome.get("nextAllowedAt").asString())).isEqualTo(nextAllowedAt);
        }
    }

    private Instant column(String name) {
        return jdbc.sql("SELECT " + name + " FROM connections")
                .query((rs, row) -> com.firesync.shared.DbTime.read(rs, name))
                .single();
    }
}
