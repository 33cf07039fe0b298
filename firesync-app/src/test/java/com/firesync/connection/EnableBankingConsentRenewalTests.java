package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.EnableBankingLedgerComparison;
import com.firesync.testing.EventClients;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.HealthChecks;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
 * An Enable Banking consent's whole life over HTTP, against a standalone sandbox: announced a week before its end on
 * the event stream, ended (the connection needs its user, with the renewal route), and renewed by the authorisation
 * form, after which the same FireSync accounts and transactions read on through the new session's new account uids.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class EnableBankingConsentRenewalTests {

    private static final String APPLICATION_ID = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    private static final KeyPair KEYS = EnableBankingConnectTests.keys();

    private static final MutableClock BANK_CLOCK = new MutableClock(TestClockConfiguration.START);

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(BANK_CLOCK, "--firesync.sandbox.history=P14D",
            "--firesync.sandbox.enablebanking.application-id=" + APPLICATION_ID,
            "--firesync.sandbox.enablebanking.page-size=25", "--firesync.sandbox.enablebanking.public-key="
                    + EnableBankingConnectTests.pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ProviderIdentities identities;

    /**
     * A ten-day consent over a fortnight of history: the renewal's sync re-reads the whole history in its trailing
     * window, so what the bank changed while the consent was ended is all read again.
     */
    @DynamicPropertySource
    static void pointAtTheStandaloneSandbox(DynamicPropertyRegistry registry) {
        sandbox.pointFireSyncAt(registry, "P60D");
        registry.add("ENABLEBANKING_APPLICATION_ID", () -> APPLICATION_ID);
        registry.add("ENABLEBANKING_PRIVATE_KEY",
                () -> EnableBankingConnectTests.pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
        registry.add("ENABLEBANKING_BASE_URL", () -> sandbox.root() + "/enablebanking");
        registry.add("firesync.enablebanking.consent-validity", () -> "P10D");
    }

    @Test
    void announcesEndsAndRenewsAConsentKeepingTheAccountAndTransactionIds() throws Exception {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        var admin = users.create("admin", Role.ADMIN);
        var driver = new WebviewDriver(http);
        long connectionId = driver.authorizeEnableBanking(alice.token(), "Demo Bank", "FR", "alice", "secret").json()
                .get("data").get("connectionIds").get(0).asLong();
        awaitSyncs(connectionId, "connect");
        Instant expiry = Instant.parse(status(http, alice).get("consentExpiresAt").asString());
        Map<String, Long> accountsByIban = accountsByIban(connectionId);
        Map<Long, String> uidsBefore = uids(connectionId);
        Map<String, Long> bookedBefore = booked(connectionId);
        assertThat(bookedBefore).isNotEmpty();
        var stream = EventClients.Sse.open("http://127.0.0.1:" + port, alice.token(), "", null);
        try {
            assertThat(stream.status()).isEqualTo(200);

            advanceTo(expiry.minus(ConsentWatch.NOTICE).plus(Duration.ofMinutes(1)));
            HealthChecks.run(http, jdbc, admin.token());

            assertThat(stream.await(events -> events.stream().anyMatch(this::consentExpiring), WAIT))
                    .as(stream.events().toString()).isTrue();
            JsonNode announced = stream.events().stream().filter(this::consentExpiring).findFirst().orElseThrow()
                    .get("data");
            assertThat(announced.get("connectionId").asLong()).isEqualTo(connectionId);
            assertThat(announced.get("provider").asString()).isEqualTo("enablebanking");
            assertThat(Instant.parse(announced.get("expiresAt").asString())).isEqualTo(expiry);
            assertThat(announced.get("daysLeft").asLong()).isEqualTo(6);
            assertThat(announced.get("reconnectRoute").asString())
                    .isEqualTo("/api/auth/enablebanking/url?reconnect=" + connectionId);
        } finally {
            stream.close();
        }
        HealthChecks.run(http, jdbc, admin.token());
        assertThat(eventCount(alice, "consent.expiring")).as("announced once per consent").isEqualTo(1);

        advanceTo(expiry.plus(Duration.ofDays(1)));
        // a sync started before the consent ended is left to end first; the next check then finds the connection
        await().atMost(WAIT).until(() -> {
            HealthChecks.run(http, jdbc, admin.token());
            return status(http, alice).get("state").asString().equals("needs_user_action");
        });
        JsonNode userAction = status(http, alice).get("userAction");
        assertThat(userAction.get("required").asBoolean()).isTrue();
        String route = userAction.get("reconnectRoute").asString();
        assertThat(route).isEqualTo("/api/auth/enablebanking/url?reconnect=" + connectionId);
        JsonNode skipped = http.postJson("/api/sync/intelligent/connection/" + connectionId, alice.token(), "").json()
                .get("data");
        assertThat(skipped.get("decision").asString()).isEqualTo("skipped");
        assertThat(skipped.get("reason").asString()).isEqualTo("needs_user_action");

        String oldSession = identities.accessOfConnection(connectionId).orElseThrow().token().value();

        var renewed = driver.authorizeEnableBanking(alice.token(), route, "alice", "secret");

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.json().get("data").get("connectionIds").get(0).asLong()).isEqualTo(connectionId);
        awaitSyncs(connectionId, "reconnect");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections").query(Long.class).single()).isEqualTo(1);
        assertThat(accountsByIban(connectionId)).isEqualTo(accountsByIban);
        Map<Long, String> uidsAfter = uids(connectionId);
        assertThat(uidsAfter.keySet()).isEqualTo(uidsBefore.keySet());
        uidsAfter.forEach((id, uid) -> assertThat(uid).as("account %d", id).isNotEqualTo(uidsBefore.get(id)));
        assertThat(booked(connectionId)).containsAllEntriesOf(bookedBefore);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c GROUP BY t.account_id, t.provider_transaction_id HAVING COUNT(*) > 1""")
                .param("c", connectionId).query(Long.class).list()).as("duplicates").isEmpty();
        var world = sandbox.bean(SandboxWorld.class);
        long worldConnection = world.allConnections().stream().findFirst().orElseThrow().id();
        assertThat(world.allConnections()).hasSize(1);
        assertThat(EnableBankingLedgerComparison.differences(jdbc, connectionId,
                world.expectedLedger(worldConnection, clock.instant()))).isEmpty();
        JsonNode after = status(http, alice);
        assertThat(after.get("state").asString()).isEqualTo("active");
        assertThat(Instant.parse(after.get("consentExpiresAt").asString())).isAfter(clock.instant());
        assertThat(after.get("userAction").get("required").asBoolean()).isFalse();
        // the session read through before is ended at the provider; the new one reads on
        String newSession = identities.accessOfConnection(connectionId).orElseThrow().token().value();
        assertThat(newSession).isNotEqualTo(oldSession);
        assertThat(EnableBankingConnectTests.sessionStatus(sandbox.root(), APPLICATION_ID, KEYS,
                BANK_CLOCK.instant(), oldSession))
                .isEqualTo("CLOSED");
        assertThat(EnableBankingConnectTests.sessionStatus(sandbox.root(), APPLICATION_ID, KEYS,
                BANK_CLOCK.instant(), newSession))
                .isEqualTo("AUTHORIZED");
    }

    private boolean consentExpiring(JsonNode event) {
        return event.get("type").asString().equals("consent.expiring");
    }

    private void advanceTo(Instant at) {
        clock.set(at);
        BANK_CLOCK.set(at);
    }

    private long eventCount(NewUser user, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM event_log WHERE user_id = :u AND type = :t").param("u", user.id())
                .param("t", type).query(Long.class).single();
    }

    private static JsonNode status(Http http, NewUser user) {
        return http.get("/api/sync/status", user.token()).json().get("data").get(0);
    }

    private Map<String, Long> accountsByIban(long connectionId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT iban, id FROM accounts WHERE connection_id = :c").param("c", connectionId)
                .query((rs, row) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        return ids;
    }

    private Map<Long, String> uids(long connectionId) {
        Map<Long, String> uids = new HashMap<>();
        jdbc.sql("SELECT id, provider_account_id FROM accounts WHERE connection_id = :c").param("c", connectionId)
                .query((rs, row) -> uids.put(rs.getLong(1), rs.getString(2))).list();
        return uids;
    }

    /** The booked rows' FireSync ids by account and provider id: booked rows never change their identity. */
    private Map<String, Long> booked(long connectionId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                SELECT t.account_id, t.provider_transaction_id, t.id FROM transactions t
                JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.pending = FALSE AND t.deleted_at IS NULL""").param("c", connectionId)
                .query((rs, row) -> ids.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        return ids;
    }

    private void awaitSyncs(long connectionId, String trigger) {
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE connection_id = :c"
                + " AND outcome = 'synced' AND trigger_kind = :trigger").param("c", connectionId)
                .param("trigger", trigger).query(Long.class).single() > 0);
    }
}
