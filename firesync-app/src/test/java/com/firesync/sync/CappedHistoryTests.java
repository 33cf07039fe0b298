package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ProviderIdentities;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A bank that lists transactions only so far back (the in-app sandbox's Test Bank login {@code capped}: 90 days, as
 * many real banks), reached over HTTP through the Enable Banking face on the test's clock, while FireSync's synced
 * history is longer (the default two years): the first sync lists what the bank allows, and a later reconciliation
 * removes nothing older than what the bank listed.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.refresh-interval=0s", "firesync.sandbox.history=P200D",
        "firesync.sandbox.accounts-per-connection=2", "firesync.provider.rate-limit.requests-per-second=1000"})
@ExtendWith(OutputCaptureExtension.class)
class CappedHistoryTests {

    private static final int CAP_DAYS = 90;

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
    ProviderIdentities identities;

    @Autowired
    SandboxWorld world;

    @Test
    void theFirstSyncAtACappedBankListsWhatTheBankAllows(CapturedOutput output) {
        var alice = users.create("alice", Role.USER);
        long connectionId = link(alice);
        LocalDate allowed = bankToday().minusDays(CAP_DAYS);

        assertThat(firstSyncOutcome(connectionId)).isEqualTo("synced");
        var expected = world.expectedLedger(worldConnection().id(), clock.instant());
        assertThat(expected.liveTransactions()).anyMatch(row -> row.date().isBefore(allowed));
        assertThat(EnableBankingLedgerComparison.differences(jdbc, connectionId, expected, allowed)).isEmpty();
        assertThat(oldest(connectionId)).isEqualTo(allowed);
        // the status says from when the bank lists: older rows were never read
        assertThat(status(alice).get("bankHistoryFrom").asString()).isEqualTo(allowed.toString());
        String session = identities.tokenOfConnection(connectionId).value();
        assertThat(output.getAll()).doesNotContain(session);
    }

    @Test
    void aReconcilingSyncKeepsTheRowsOlderThanWhatTheBankListed() {
        var alice = users.create("alice", Role.USER);
        long connectionId = link(alice);
        assertThat(firstSyncOutcome(connectionId)).isEqualTo("synced");
        LocalDate firstListed = bankToday().minusDays(CAP_DAYS);
        long stored = live(connectionId);
        // ten days on, the bank lists ten days less of what FireSync holds
        clock.advance(Duration.ofDays(10));

        SyncOutcome outcome = engine.sync(connections.snapshot(connectionId).orElseThrow(), SyncTrigger.SCHEDULE,
                false);

        assertThat(outcome.decision()).as(outcome.toString()).isEqualTo(SyncOutcome.Decision.SYNCED);
        assertThat(bankToday().minusDays(CAP_DAYS)).isAfter(firstListed);
        assertThat(oldest(connectionId)).isEqualTo(firstListed);
        assertThat(live(connectionId)).isGreaterThan(stored);
        // the rows the bank no longer lists are the world's as they were; the newer ones are the bank's as it is
        var expected = world.expectedLedger(worldConnection().id(), clock.instant());
        assertThat(EnableBankingLedgerComparison.differences(jdbc, connectionId, expected, firstListed)).isEmpty();
        assertThat(status(alice).get("bankHistoryFrom").asString())
                .isEqualTo(bankToday().minusDays(CAP_DAYS).toString());
    }

    private long link(NewUser alice) {
        var http = Http.local(port);
        var linked = new WebviewDriver(http).authorizeEnableBanking(alice.token(), "Test Bank", "FR", "capped",
                "secret");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        return linked.json().get("data").get("connectionIds").get(0).asLong();
    }

    /** Waits for the connection's first sync (the one its linking queued) to end, and answers its outcome. */
    private String firstSyncOutcome(long connectionId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM sync_runs WHERE connection_id = :c AND outcome IS NOT NULL")
                .param("c", connectionId).query(Long.class).single() > 0);
        Background.awaitQuiet(jdbc);
        return jdbc.sql("SELECT outcome FROM sync_runs WHERE connection_id = :c ORDER BY id")
                .param("c", connectionId).query(String.class).list().getFirst();
    }

    private JsonNode status(NewUser user) {
        return Http.local(port).get("/api/sync/status", user.token()).json().get("data").get(0);
    }

    private LocalDate oldest(long connectionId) {
        return jdbc.sql("""
                SELECT MIN(t.booked_date) FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.deleted_at IS NULL""")
                .param("c", connectionId).query(LocalDate.class).single();
    }

    private long live(long connectionId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.deleted_at IS NULL""")
                .param("c", connectionId).query(Long.class).single();
    }

    /** The sandbox's today, in its zone: the bank counts its cap from it. */
    private LocalDate bankToday() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));
    }

    private SandboxConnection worldConnection() {
        // the world's connections outlive the test database: this test's is the newest
        return world.allConnections().stream().max(Comparator.comparing(SandboxConnection::id)).orElseThrow();
    }
}
