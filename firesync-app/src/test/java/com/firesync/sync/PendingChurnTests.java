package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.analytics.Rollups;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.ConnectionLedger;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.Scenario;
import com.firesync.shared.MetricNames;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.EnableBankingLedgerComparison;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.RollupRows;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 17, must-show 3, "Pending churn": a Test Bank {@code churn} connection through the in-app sandbox's Enable
 * Banking face, where most rows start pending, book one to five days later under a new {@code entry_reference} (some
 * for another amount than first shown, some as a new row replacing the pending one), and a quarter never book. Synced
 * once a day: after every sync the ledger equals the world's, with nothing duplicated or lost, and each row that booked
 * keeps the FireSync id it had while pending; a client's copy built from the change feed equals the listing, and the
 * roll-ups kept by the writes equal a rebuild.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.history=P6D", "firesync.sandbox.refresh-interval=0s",
        "firesync.sync.backfill=P30D"})
class PendingChurnTests {

    /** Days synced: every row pending on the first day has booked or vanished well before the last. */
    private static final int DAYS = 9;

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

    @Autowired
    MeterRegistry meters;

    @Autowired
    Rollups rollups;

    @Test
    void bookedRowsKeepTheirPendingIdsAndTheLedgerEqualsTheWorldsEveryDay() {
        var http = Http.local(port);
        NewUser alice = users.create("alice", Role.USER);
        var callback = new WebviewDriver(http).authorizeEnableBanking(alice.token(), "Test Bank", "FR", "churn",
                "secret");
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        long connection = callback.json().get("data").get("connectionIds").get(0).asLong();
        Background.awaitSynced(jdbc, connection);
        long worldConnection = churnConnection();
        double ambiguousBefore = meters.counter(MetricNames.LEDGER_PENDING_AMBIGUOUS).count();
        Map<Long, Seen> whilePending = new HashMap<>();
        FeedClient feed = new FeedClient(http, alice.token());
        feed.read(Integer.MAX_VALUE);
        notePending(connection, world.expectedLedger(worldConnection, clock.instant()), whilePending);

        for (int day = 1; day <= DAYS; day++) {
            clock.advance(Duration.ofDays(1));
            var sync = http.postJson("/api/sync/intelligent/connection/" + connection + "?force=true",
                    alice.token(), "");
            assertThat(sync.status()).as(sync.body()).isEqualTo(200);
            assertThat(sync.json().get("data").get("decision").asString()).isEqualTo("synced");
            ConnectionLedger expected = world.expectedLedger(worldConnection, clock.instant());
            assertThat(EnableBankingLedgerComparison.differences(jdbc, connection, expected)).as("day %d", day)
                    .isEmpty();
            notePending(connection, expected, whilePending);
            feed.read(Integer.MAX_VALUE);
        }

        int booked = 0;
        int bookedForAnotherAmount = 0;
        int vanished = 0;
        for (var entry : whilePending.entrySet()) {
            List<Map<String, Object>> rows = jdbc.sql("""
                    SELECT t.id, t.amount FROM transactions t JOIN accounts a ON a.id = t.account_id
                    WHERE a.connection_id = :c AND t.deleted_at IS NULL AND NOT t.pending
                      AND t.provider_transaction_id IN (:keys)""")
                    .param("c", connection)
                    .param("keys", SandboxWorld.bookedIdsOf(entry.getKey()).stream().map(String::valueOf).toList())
                    .query()
                    .listOfRows();
            if (rows.isEmpty()) {
                vanished += stillPending(connection, entry.getValue().id()) ? 0 : 1;
                continue;
            }
            assertThat(rows).singleElement().satisfies(row -> assertThat(((Number) row.get("id")).longValue())
                    .as("world row %d", entry.getKey()).isEqualTo(entry.getValue().id()));
            booked++;
            bookedForAnotherAmount += ((BigDecimal) rows.getFirst().get("amount")).compareTo(
                    entry.getValue().amount()) == 0 ? 0 : 1;
        }
        assertThat(booked).as("rows booked after they were seen pending").isGreaterThan(20);
        assertThat(bookedForAnotherAmount).as("of which for another amount than first seen").isPositive();
        assertThat(vanished).as("pending rows that never booked").isPositive();
        assertThat(meters.counter(MetricNames.LEDGER_PENDING_AMBIGUOUS).count()).isEqualTo(ambiguousBefore);
        // a pending row taken over by its booked self is an update for the change feed and the roll-ups alike
        rollups.settle(alice.id(), true);
        feed.read(Integer.MAX_VALUE);
        assertThat(feed.held()).isEqualTo(FeedClient.listing(http, alice.token()));
        RollupRows kept = RollupRows.read(jdbc, alice.id());
        rollups.rebuild(alice.id());
        assertThat(RollupRows.read(jdbc, alice.id())).isEqualTo(kept);
    }

    /**
     * Notes the FireSync id of each pending row the world shows, found by its content where that content is unique
     * on both sides, with the amount it had when first seen; a row seen again must still have the same id.
     */
    private void notePending(long connection, ConnectionLedger expected, Map<Long, Seen> whilePending) {
        Map<Long, String> ibans = new HashMap<>();
        expected.accounts().forEach(account -> ibans.put(account.id(), account.iban()));
        Map<String, List<Seen>> stored = new HashMap<>();
        jdbc.sql("""
                SELECT t.id, a.iban, t.amount, t.operation_date, t.original_wording
                FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.pending AND t.deleted_at IS NULL""")
                .param("c", connection)
                .query(rs -> {
                    String key = rs.getString(2) + " " + rs.getBigDecimal(3).setScale(2) + " " + rs.getObject(4) + " "
                            + rs.getString(5);
                    stored.computeIfAbsent(key, k -> new ArrayList<>()).add(new Seen(rs.getLong(1),
                            rs.getBigDecimal(3)));
                });
        Map<String, List<LedgerTransaction>> shown = new HashMap<>();
        for (LedgerTransaction row : expected.liveTransactions()) {
            if (row.coming()) {
                String key = ibans.get(row.accountId()) + " " + BigDecimal.valueOf(row.valueCents(), 2) + " "
                        + row.rdate() + " " + row.originalWording();
                shown.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        shown.forEach((key, rows) -> {
            List<Seen> ours = stored.getOrDefault(key, List.of());
            if (rows.size() == 1 && ours.size() == 1) {
                Seen first = whilePending.putIfAbsent(rows.getFirst().id(), ours.getFirst());
                if (first != null) {
                    assertThat(ours.getFirst().id()).as("pending world row %d", rows.getFirst().id())
                            .isEqualTo(first.id());
                }
            }
        });
    }

    private boolean stillPending(long connection, long id) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.id = :id AND t.pending AND t.deleted_at IS NULL""")
                .param("c", connection)
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    private long churnConnection() {
        return world.allConnections().stream()
                .filter(c -> c.bank() == Bank.TEST && c.scenario().is(Scenario.Kind.CHURN))
                .mapToLong(SandboxConnection::id)
                .max()
                .orElseThrow();
    }

    /** A pending row's FireSync id and the amount it had when first seen. */
    private record Seen(long id, BigDecimal amount) {
    }
}
