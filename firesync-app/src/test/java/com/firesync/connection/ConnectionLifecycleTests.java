package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.connection.ConnectionTransitions.Change;
import com.firesync.provider.ProviderFailure;
import com.firesync.shared.DbTime;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The connection's state machine in the database: every pair of states walked through the real write, and the sync's
 * ends deciding, not their callers, where a connection rests.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ConnectionLifecycleTests {

    static final Duration LEASE = Duration.ofMinutes(15);

    @Autowired
    ConnectionLifecycle lifecycle;

    @Autowired
    Connections connections;

    @Autowired
    ConnectionTransitions transitions;

    @Autowired
    ProviderIdentities identities;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    long connection;

    @BeforeEach
    void link() {
        connection = TestConnections.linked(users, identities, jdbc, "alice", "4242", clock.instant());
    }

    @Test
    void aRunsIdsComeInTheListsOrderAndItsConnectionsAreReadInTheirs() {
        long bobs = TestConnections.linked(users, identities, jdbc, "bob", "4343", clock.instant());
        long carols = TestConnections.linked(users, identities, jdbc, "carol", "4444", clock.instant());
        long alice = jdbc.sql("SELECT user_id FROM connections WHERE id = :id").param("id", connection)
                .query(Long.class)
                .single();
        // failing first, then the longest without a success
        jdbc.sql("UPDATE connections SET consecutive_failures = 2 WHERE id = :id").param("id", carols).update();
        jdbc.sql("UPDATE connections SET last_success_at = :at WHERE id = :id")
                .param("at", DbTime.param(clock.instant()))
                .param("id", connection)
                .update();

        assertThat(lifecycle.ids(null)).containsExactly(carols, bobs, connection)
                .isEqualTo(lifecycle.list(null).stream().map(ConnectionSnapshot::id).toList());
        assertThat(lifecycle.ids(alice)).containsExactly(connection);

        jdbc.sql("UPDATE connections SET deleting_since = :at WHERE id = :id")
                .param("at", DbTime.param(clock.instant()))
                .param("id", bobs)
                .update();
        assertThat(lifecycle.snapshots(List.of(connection, bobs, carols))).as("the one being deleted left out")
                .extracting(ConnectionSnapshot::id)
                .containsExactly(connection, carols);
        assertThat(lifecycle.snapshots(List.of())).isEmpty();
        // a run reads many slices: each read gives its pooled connection back (more reads than the pool holds)
        for (int i = 0; i < 20; i++) {
            assertThat(lifecycle.snapshots(List.of(carols))).hasSize(1);
        }
    }

    @Test
    void aJobSelectsConnectionsSliceBySliceInTheListsOrder() {
        List<Long> linked = new ArrayList<>(List.of(connection));
        for (int i = 0; i < 6; i++) {
            linked.add(TestConnections.linked(users, identities, jdbc, "user" + i, "50" + i, clock.instant()));
        }
        jdbc.sql("UPDATE connections SET state = 'DISABLED' WHERE id IN (:ids)")
                .param("ids", List.of(linked.get(2), linked.get(5)))
                .update();
        List<Long> enabled = lifecycle.list(null).stream()
                .filter(snapshot -> snapshot.state() != ConnectionState.DISABLED)
                .map(ConnectionSnapshot::id)
                .toList();

        assertThat(enabled).hasSize(5);
        for (int slice : new int[]{1, 2, 3, 7, ConnectionLifecycle.SLICE}) {
            assertThat(lifecycle.select(snapshot -> snapshot.state() != ConnectionState.DISABLED, slice))
                    .as("slices of %d", slice)
                    .isEqualTo(enabled);
        }
        assertThat(lifecycle.select(snapshot -> true)).isEqualTo(lifecycle.ids(null)).hasSize(7);
    }

    @Test
    void countsAConnectionStaleByItsProvidersCutOff() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE connections SET last_success_at = :at WHERE id = :id")
                .param("at", DbTime.param(now.minus(Duration.ofHours(5))))
                .param("id", connection)
                .update();
        Instant fourHoursAgo = now.minus(Duration.ofHours(4));
        Instant eightHoursAgo = now.minus(Duration.ofHours(8));

        assertThat(connections.countConnections(fourHoursAgo, Map.of()).stale()).isOne();
        assertThat(connections.countConnections(fourHoursAgo, Map.of("powens", eightHoursAgo)).stale()).isZero();
        assertThat(connections.countConnections(fourHoursAgo, Map.of("enablebanking", eightHoursAgo)).stale())
                .isOne();
        assertThat(connections.countConnections(fourHoursAgo, Map.of("enablebanking", eightHoursAgo, "powens",
                eightHoursAgo)).failingOrStale()).isZero();
    }

    @Test
    void makesEveryAllowedMoveAndWritesNoOther(CapturedOutput output) {
        for (ConnectionState from : ConnectionState.values()) {
            for (ConnectionState to : ConnectionState.values()) {
                put(from);
                long recorded = recorded();

                boolean written = transitions.move(connection, Change.to(to, "walk", null), clock.instant());

                String move = from.code() + " → " + to.code();
                if (ConnectionStateMachine.allows(from, to)) {
                    assertThat(written).as(move).isTrue();
                    assertThat(state()).as(move).isEqualTo(to);
                    assertThat(recorded()).as(move).isEqualTo(recorded + 1);
                } else if (from == to) {
                    assertThat(written).as("staying in %s", from).isTrue();
                    assertThat(recorded()).as("staying in %s is no move", from).isEqualTo(recorded);
                } else {
                    assertThat(written).as(move).isFalse();
                    assertThat(state()).as(move).isEqualTo(from);
                    assertThat(recorded()).as(move).isEqualTo(recorded);
                    assertThat(output.getOut()).as(move).contains("Refused to move connection " + connection
                            + " from " + from.code() + " to " + to.code());
                }
            }
        }
    }

    @Test
    void theFailureDecidesWhereTheConnectionRests() {
        SyncClaim first = claim();
        assertThat(lifecycle.failed(first, clock.instant(), new ProviderFailure.NeedsUserAction("SCARequired")))
                .isTrue();
        assertThat(row()).containsExactly("needs_user_action", "SCARequired", "SCARequired", 1);

        SyncClaim second = claim();
        assertThat(lifecycle.failed(second, clock.instant(), new ProviderFailure.Transient("http_503", null)))
                .isTrue();
        assertThat(row()).containsExactly("failing", null, "http_503", 2);

        SyncClaim third = claim();
        assertThat(lifecycle.failed(third, clock.instant(), new ProviderFailure.RateLimited(null))).isTrue();
        assertThat(row()).containsExactly("failing", null, "rate_limited", 3);

        assertThat(lifecycle.succeeded(claim(), clock.instant(), clock.instant(), null)).isTrue();
        assertThat(row()).containsExactly("active", null, null, 0);
        assertThat(jdbc.sql("SELECT from_state || '>' || to_state FROM connection_transitions ORDER BY id")
                .query(String.class)
                .list()).containsExactly("active>syncing", "syncing>needs_user_action", "needs_user_action>syncing",
                        "syncing>failing", "failing>syncing", "syncing>failing", "failing>syncing", "syncing>active");
    }

    @Test
    void aSyncEndingAfterTheProviderDeletedTheConnectionLeavesItDisabledAndUnclaimed() {
        SyncClaim claim = claim();
        assertThat(lifecycle.providerReported(connection, ConnectionState.DISABLED, null, clock.instant())).isTrue();

        assertThat(lifecycle.succeeded(claim, clock.instant(), clock.instant(), clock.instant())).isFalse();

        assertThat(state()).isEqualTo(ConnectionState.DISABLED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections WHERE id = :id AND sync_claimed_by IS NULL"
                + " AND last_success_at IS NULL").param("id", connection).query(Long.class).single()).isOne();
        assertThat(lifecycle.claim(connection, "fs-other", clock.instant(), LEASE)).isEmpty();
        assertThat(lifecycle.reconnected(connection, clock.instant())).isFalse();
    }

    @Test
    void anotherInstanceTakesOverOnlyAnExpiredClaim(CapturedOutput output) {
        claim();

        assertThat(lifecycle.claim(connection, "fs-other", clock.instant(), LEASE)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(lifecycle.claim(connection, "fs-other", clock.instant(), LEASE)).isPresent();

        assertThat(jdbc.sql("SELECT from_state || '>' || to_state FROM connection_transitions ORDER BY id")
                .query(String.class)
                .list()).containsExactly("active>syncing", "syncing>syncing");
        assertThat(output.getOut()).doesNotContain("Refused to move");
    }

    @Test
    void aClaimFromAStaleSnapshotIsDecidedOnTheStateTheRowIsIn(CapturedOutput output) {
        ConnectionSnapshot active = lifecycle.snapshot(connection).orElseThrow();
        put(ConnectionState.DISABLED);
        assertThat(lifecycle.claim(active, "fs-test", clock.instant(), LEASE)).isEmpty();
        assertThat(state()).isEqualTo(ConnectionState.DISABLED);

        ConnectionSnapshot disabled = lifecycle.snapshot(connection).orElseThrow();
        put(ConnectionState.FAILING);
        assertThat(lifecycle.claim(disabled, "fs-test", clock.instant(), LEASE)).isPresent();

        assertThat(state()).isEqualTo(ConnectionState.SYNCING);
        assertThat(jdbc.sql("SELECT from_state || '>' || to_state FROM connection_transitions ORDER BY id")
                .query(String.class)
                .list()).containsExactly("failing>syncing");
        // refused once, from the row's DISABLED; the stale DISABLED of the second snapshot refused nothing
        assertThat(output.getOut().split("Refused to move", -1)).hasSize(2);
        assertThat(output.getOut()).contains("Refused to move connection " + connection + " from disabled");
    }

    private SyncClaim claim() {
        clock.advance(Duration.ofMinutes(1));
        return lifecycle.claim(connection, "fs-test", clock.instant(), LEASE).orElseThrow();
    }

    private void put(ConnectionState state) {
        jdbc.sql("UPDATE connections SET state = :state WHERE id = :id")
                .param("state", state.code())
                .param("id", connection)
                .update();
    }

    private ConnectionState state() {
        return jdbc.sql("SELECT state FROM connections WHERE id = :id")
                .param("id", connection)
                .query((rs, row) -> ConnectionState.of(rs.getString(1)))
                .single();
    }

    private List<Object> row() {
        return jdbc
                .sql("SELECT state, provider_state, error_code, consecutive_failures FROM connections WHERE id = :id")
                .param("id", connection)
                .query((rs, row) -> java.util.Arrays.<Object>asList(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4)))
                .single();
    }

    private long recorded() {
        return jdbc.sql("SELECT COUNT(*) FROM connection_transitions").query(Long.class).single();
    }
}
