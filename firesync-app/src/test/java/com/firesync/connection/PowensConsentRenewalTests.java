package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.EventClients;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.HealthChecks;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A Powens connection's 180-day PSD2 consent, as the connection's {@code expire} tells it: announced a week before,
 * ended (the connection needs its user, with the renewal route), and renewed through the webview's reconnect flow,
 * which keeps the connection, so its accounts and transactions keep their ids.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.history=P10D", "firesync.sandbox.refresh-interval=0s",
        "firesync.sync.backfill=P20D"})
class PowensConsentRenewalTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxWorld world;

    @Test
    void announcesEndsAndRenewsTheConsentInPlace() {
        var http = Http.local(port);
        var browser = new WebviewDriver(http);
        var alice = users.create("alice", Role.USER);
        var admin = users.create("admin", Role.ADMIN);
        long connectionId = browser.connect(alice.token(), "demo", "alice", "secret").json().get("data")
                .get("connectionIds").get(0).asLong();
        await().atMost(WAIT).until(() -> status(http, alice).get("lastSuccessAt").isString());
        Instant expiry = Instant.parse(status(http, alice).get("consentExpiresAt").asString());
        assertThat(expiry).isBetween(clock.instant().plus(Duration.ofDays(179)), clock.instant().plus(
                Duration.ofDays(180)));
        Map<Long, Long> transactionsBefore = transactionAccounts(connectionId);

        clock.set(expiry.minus(ConsentWatch.NOTICE).plus(Duration.ofMinutes(1)));
        HealthChecks.run(http, jdbc, admin.token());
        var stream = EventClients.Sse.open("http://127.0.0.1:" + port, alice.token(), "", "0");
        try {
            assertThat(stream.await(events -> events.stream().anyMatch(event -> event.get("type").asString()
                    .equals("consent.expiring")), WAIT)).as(stream.events().toString()).isTrue();
        } finally {
            stream.close();
        }

        clock.set(expiry.plus(Duration.ofHours(1)));
        // a sync started before the consent ended is left to end first; the next check then finds the connection
        await().atMost(WAIT).until(() -> {
            HealthChecks.run(http, jdbc, admin.token());
            return status(http, alice).get("state").asString().equals("needs_user_action");
        });
        JsonNode ended = status(http, alice);
        assertThat(ended.get("state").asString()).isEqualTo("needs_user_action");
        assertThat(ended.get("userAction").get("reconnectRoute").asString())
                .isEqualTo("/api/auth/powens/url?reconnect=" + connectionId);

        JsonNode repaired = browser.reconnect(alice.token(), connectionId).json().get("data");

        assertThat(repaired.get("connectionIds").get(0).asLong()).isEqualTo(connectionId);
        // the reconnect clears the ended expiry; the renewal's sync then reads the new one
        await().atMost(WAIT).until(() -> {
            JsonNode now = status(http, alice);
            JsonNode expires = now.get("consentExpiresAt");
            return now.get("state").asString().equals("active") && !expires.isNull()
                    && Instant.parse(expires.asString()).isAfter(clock.instant());
        });
        assertThat(transactionAccounts(connectionId)).containsAllEntriesOf(transactionsBefore);
        long worldConnection = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id")
                .param("id", connectionId).query(String.class).single());
        assertThat(LedgerComparison.differences(jdbc, connectionId,
                world.expectedLedger(worldConnection, clock.instant()))).isEmpty();
    }

    private static JsonNode status(Http http, NewUser user) {
        return http.get("/api/sync/status", user.token()).json().get("data").get(0);
    }

    /** Each transaction's FireSync id with its FireSync account's. */
    private Map<Long, Long> transactionAccounts(long connectionId) {
        Map<Long, Long> ids = new TreeMap<>();
        jdbc.sql("SELECT t.id, t.account_id FROM transactions t JOIN accounts a ON a.id = t.account_id"
                + " WHERE a.connection_id = :c").param("c", connectionId)
                .query((rs, row) -> ids.put(rs.getLong(1), rs.getLong(2))).list();
        return ids;
    }
}
