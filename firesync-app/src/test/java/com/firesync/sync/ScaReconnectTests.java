package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.connection.ProviderIdentities;
import com.firesync.sandbox.webhook.BackgroundRefresh;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A bank that asks for strong authentication after a few of the aggregator's refreshes: FireSync stops, says the user
 * must reconnect, never retries blindly, and after the reconnect flow syncs again and catches up on everything that
 * happened meanwhile.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.history=P10D", "firesync.sandbox.refresh-interval=0s",
        "firesync.sync.backfill=P20D"})
class ScaReconnectTests {

    @LocalServerPort
    int port;

    @Autowired
    com.firesync.user.UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxWorld world;

    @Autowired
    BackgroundRefresh bankRefresh;

    @Autowired
    ProviderIdentities identities;

    @Test
    void asksTheUserToReconnectAndLosesNothing() {
        var http = Http.local(port);
        var browser = new WebviewDriver(http);
        var alice = users.create("alice", Role.USER);
        long connectionId = browser.connect(alice.token(), "test", "sca:2", "secret")
                .json()
                .get("data")
                .get("connectionIds")
                .get(0)
                .asLong();
        Background.awaitQuiet(jdbc);

        JsonNode status = null;
        for (int day = 0; day < 8 && !needsUser(status); day++) {
            clock.advance(Duration.ofHours(5));
            bankRefresh.refreshDue();
            http.postJson("/api/sync/intelligent/connection/" + connectionId, alice.token(), "");
            Background.awaitQuiet(jdbc);
            status = http.get("/api/sync/status", alice.token()).json().get("data").get(0);
        }

        assertThat(status.get("state").asString()).isEqualTo("needs_user_action");
        assertThat(status.get("userAction").get("providerState").asString()).isEqualTo("SCARequired");
        assertThat(status.get("userAction").get("reconnectRoute").asString())
                .isEqualTo("/api/auth/powens/url?reconnect=" + connectionId);
        clock.advance(Duration.ofHours(5));
        JsonNode blocked = http.postJson("/api/sync/intelligent/connection/" + connectionId + "?force=true",
                alice.token(), "").json().get("data");
        assertThat(blocked.get("reason").asString()).isEqualTo("needs_user_action");

        clock.advance(Duration.ofDays(2));
        JsonNode repaired = browser.reconnect(alice.token(), connectionId).json().get("data");
        assertThat(repaired.get("flow").asString()).isEqualTo("reconnect");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE trigger_kind = 'reconnect' AND outcome = "
                        + "'synced'").query(Long.class).single() > 0);
        Background.awaitQuiet(jdbc);

        JsonNode after = http.get("/api/sync/status", alice.token()).json().get("data").get(0);
        assertThat(after.get("state").asString()).isEqualTo("active");
        long providerId = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id")
                .param("id", connectionId).query(String.class).single());
        assertThat(LedgerComparison.differences(jdbc, connectionId, world.expectedLedger(providerId, clock.instant())))
                .isEmpty();
    }

    @Test
    void asksTheUserToReconnectWhenTheProviderRevokedTheTokenAndDuplicatesNothing() {
        var http = Http.local(port);
        var browser = new WebviewDriver(http);
        var bob = users.create("bob", Role.USER);
        long connectionId = browser.connect(bob.token(), "demo", "bob", "secret")
                .json()
                .get("data")
                .get("connectionIds")
                .get(0)
                .asLong();
        Background.awaitQuiet(jdbc);
        String powensToken = identities.tokenOfUser(bob.id(), "powens").orElseThrow().value();
        assertThat(http.send("DELETE", "/sandbox/2.0/auth/token", powensToken).status()).isEqualTo(204);

        clock.advance(Duration.ofHours(5));
        JsonNode refused = http.postJson("/api/sync/intelligent/connection/" + connectionId + "?force=true",
                bob.token(), "").json().get("data");

        assertThat(refused.get("decision").asString()).isEqualTo("failed");
        JsonNode status = http.get("/api/sync/status", bob.token()).json().get("data").get(0);
        assertThat(status.get("state").asString()).isEqualTo("needs_user_action");
        assertThat(status.get("userAction").get("required").asBoolean()).isTrue();
        assertThat(status.get("userAction").get("providerState").asString()).isEqualTo("auth_invalid");
        assertThat(status.get("userAction").get("reconnectRoute").asString())
                .isEqualTo("/api/auth/powens/url?reconnect=" + connectionId);

        clock.advance(Duration.ofHours(5));
        assertThat(browser.reconnect(bob.token(), connectionId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM sync_runs WHERE connection_id = :id AND trigger_kind = 'reconnect'
                  AND outcome = 'synced'""").param("id", connectionId).query(Long.class).single() > 0);
        Background.awaitQuiet(jdbc);

        assertThat(http.get("/api/sync/status", bob.token()).json().get("data").get(0).get("state").asString())
                .isEqualTo("active");
        assertThat(identities.tokenOfUser(bob.id(), "powens").orElseThrow().value()).isNotEqualTo(powensToken);
        long providerId = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id")
                .param("id", connectionId).query(String.class).single());
        assertThat(LedgerComparison.differences(jdbc, connectionId, world.expectedLedger(providerId, clock.instant())))
                .isEmpty();
    }

    private static boolean needsUser(JsonNode status) {
        return status != null && status.get("userAction").get("required").asBoolean();
    }

}
