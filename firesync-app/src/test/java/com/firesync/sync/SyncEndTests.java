package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.UserAccounts;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A sync's end is one commit: the connection's new state (synced or failed, its claim released) and its run's
 * outcome. A run whose outcome cannot be written (here a constraint the database adds for the test) leaves the
 * connection as the claim left it, to be synced again once the claim expires: never marked synced by a run that never
 * ends, which a process killed between the two commits used to leave, and which the periodic cycle then skipped as
 * fresh.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.refresh-interval=0s", "firesync.sandbox.history=P10D",
        "firesync.sandbox.accounts-per-connection=1", "firesync.provider.rate-limit.requests-per-second=1000"})
class SyncEndTests {

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
    SyncSettings settings;

    @Test
    void aRunWhoseOutcomeCannotBeWrittenLeavesTheConnectionClaimedAndUnsynced() {
        var alice = users.create("alice", Role.USER);
        long connectionId = new WebviewDriver(Http.local(port)).linkDemo(alice.token(), "alice");
        Background.awaitSynced(jdbc, connectionId);
        Background.awaitQuiet(jdbc);
        Instant firstSuccess = lastSuccess(connectionId);
        long lastRun = jdbc.sql("SELECT MAX(id) FROM sync_runs").query(Long.class).single();
        clock.advance(Duration.ofHours(3));

        jdbc.sql("ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_never_end CHECK (finished_at IS NULL OR id <= "
                + lastRun + ")").update();
        try {
            assertThatThrownBy(() -> engine.sync(connections.snapshot(connectionId).orElseThrow(),
                    SyncTrigger.SCHEDULE, false)).isInstanceOf(DataAccessException.class);
        } finally {
            jdbc.sql("ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_never_end").update();
        }

        // neither end committed: not synced, not failed, still claimed by the run that never ended
        assertThat(lastSuccess(connectionId)).isEqualTo(firstSuccess);
        assertThat(jdbc.sql("SELECT consecutive_failures FROM connections WHERE id = :c").param("c", connectionId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections WHERE id = :c AND sync_claimed_by IS NOT NULL")
                .param("c", connectionId).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE id > :run AND finished_at IS NULL")
                .param("run", lastRun).query(Long.class).single()).isOne();

        // once the claim has expired, the next sync takes the connection over and its run says so
        clock.advance(settings.lease().plusMinutes(1));
        SyncOutcome outcome = engine.sync(connections.snapshot(connectionId).orElseThrow(), SyncTrigger.SCHEDULE,
                false);
        assertThat(outcome.decision()).as(outcome.toString()).isEqualTo(SyncOutcome.Decision.SYNCED);
        assertThat(lastSuccess(connectionId)).isAfter(firstSuccess);
        assertThat(jdbc.sql("SELECT outcome FROM sync_runs WHERE id > :run AND finished_at IS NOT NULL")
                .param("run", lastRun).query(String.class).list()).containsExactly("synced");
    }

    private Instant lastSuccess(long connectionId) {
        return jdbc.sql("SELECT last_success_at FROM connections WHERE id = :c").param("c", connectionId)
                .query(Timestamp.class).single().toInstant();
    }
}
