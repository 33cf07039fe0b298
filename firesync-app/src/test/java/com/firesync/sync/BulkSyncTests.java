package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A bulk run syncs one user's connections at most {@link SyncSlots#PER_USER} at a time (their ledger writes commit one
 * after another), still several at once, and every one of them.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.latency=PT0.05S", "firesync.sandbox.history=P3D",
        "firesync.sandbox.refresh-interval=0s", "firesync.sandbox.accounts-per-connection=1",
        "firesync.provider.rate-limit.requests-per-second=1000"})
class BulkSyncTests {

    static final int CONNECTIONS = SyncSlots.PER_USER + 3;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void aUsersConnectionsSyncAFewAtATime() throws Exception {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        var browser = new WebviewDriver(http);
        for (int i = 0; i < CONNECTIONS; i++) {
            browser.linkDemo(alice.token(), "alice-" + i);
        }
        Background.awaitQuiet(jdbc);
        clock.advance(Duration.ofHours(7));

        // the user's runs in flight, sampled while the bulk run goes (each sync makes calls of 50 ms)
        var done = new AtomicBoolean();
        var most = new AtomicLong();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!done.get()) {
                most.accumulateAndGet(jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE user_id = :user"
                        + " AND trigger_kind = 'manual' AND finished_at IS NULL")
                        .param("user", alice.id())
                        .query(Long.class)
                        .single(), Math::max);
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        });
        JsonNode outcomes;
        try {
            outcomes = http.postJson("/api/sync/intelligent/all", alice.token(), "").json().get("data");
        } finally {
            done.set(true);
            sampler.join();
        }

        assertThat(outcomes).hasSize(CONNECTIONS)
                .allSatisfy(outcome -> assertThat(outcome.get("decision").asString()).isEqualTo("synced"));
        assertThat(most.get()).as("the user's syncs in flight at once, at the most").isBetween(2L,
                (long) SyncSlots.PER_USER);
    }
}
