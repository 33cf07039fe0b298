package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.UserAccounts;
import java.time.Duration;
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
 * FireSync against the sandbox running as a separate server, reached over the network with nothing but
 * {@code POWENS_BASE_URL} and {@code POWENS_WEBVIEW_URL}: the in-app sandbox is off.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class StandaloneSandboxConnectTests {

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(new MutableClock(TestClockConfiguration.START),
            "--firesync.sandbox.history=P60D");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void pointAtTheStandaloneSandbox(DynamicPropertyRegistry registry) {
        sandbox.pointFireSyncAt(registry, "P90D");
    }

    @Test
    void resyncsAnUnchangedConnectionWithTwoCallsAndNoWrite() {
        var http = Http.local(port);
        var bob = users.create("bob", Role.USER);
        long connectionId = new WebviewDriver(http).connect(bob.token(), "demo", "bob", "secret")
                .json()
                .get("data")
                .get("connectionIds")
                .get(0)
                .asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE outcome = 'synced'")
                        .query(Long.class)
                        .single() > 0);
        var world = sandbox.bean(SandboxWorld.class);
        var sandboxUser = world.user(world.connection(providerId(connectionId)).orElseThrow().userId()).orElseThrow();
        var before = clock.instant();
        clock.advance(Duration.ofHours(3));
        long callsBefore = sandboxUser.requestCount();

        var outcome = http.postJson("/api/sync/intelligent/connection/" + connectionId, bob.token(), "")
                .json()
                .get("data");

        assertThat(outcome.get("decision").asString()).isEqualTo("synced");
        assertThat(sandboxUser.requestCount() - callsBefore).isBetween(1L, 2L);
        assertThat(outcome.get("added").asInt() + outcome.get("updated").asInt() + outcome.get("removed").asInt())
                .isZero();
        for (String table : new String[]{"accounts", "transactions", "balance_snapshots"}) {
            String column = table.equals("balance_snapshots") ? "captured_at" : "updated_at";
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " > :t")
                    .param("t", before.atOffset(java.time.ZoneOffset.UTC))
                    .query(Long.class)
                    .single()).as(table).isZero();
        }
    }

    private long providerId(long connectionId) {
        return Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :c")
                .param("c", connectionId)
                .query(String.class)
                .single());
    }

    @Test
    void linksAndSyncsThroughASeparateSandboxServer() {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        assertThat(http.get("/sandbox/2.0/users/me", null).status()).isEqualTo(404);

        var callback = new WebviewDriver(http).connect(alice.token(), "demo", "alice", "secret");

        assertThat(callback.status()).isEqualTo(200);
        long connectionId = callback.json().get("data").get("connectionIds").get(0).asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE outcome = 'synced'")
                        .query(Long.class)
                        .single() > 0);
        long providerId = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections")
                .query(String.class)
                .single());
        var expected = sandbox.bean(SandboxWorld.class).expectedLedger(providerId, clock.instant());
        assertThat(expected.liveTransactions()).isNotEmpty();
        assertThat(expected.liveTransactions()).anyMatch(row -> row.original() != null);
        assertThat(LedgerComparison.differences(jdbc, connectionId, expected)).isEmpty();
        JsonNode listed = http.get("/api/transactions?limit=500", alice.token()).json().get("data");
        assertThat(listed.size()).isEqualTo(Math.min(500, expected.liveTransactions().size()));
        // payments abroad arrive with their foreign amount, end to end
        assertThat(listed.valueStream().filter(row -> !row.get("originalAmount").isNull()).toList()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("originalCurrency").asString()).isIn("USD", "GBP", "CHF"));
    }
}
