package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.analytics.Rollups;
import com.firesync.sandbox.SandboxFaults;
import com.firesync.sandbox.webhook.BackgroundRefresh;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.RollupRows;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Users on Demo Bank and on the Test Bank's fault scenarios live through many simulated days of bank activity,
 * syncs and webhooks; once the faults stop and one more sync runs, every stored ledger equals the bank's exactly,
 * and so does the copy a client built from the change feed alone, read in small pages between the syncs.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.history=P20D", "firesync.sandbox.refresh-interval=0s",
        "firesync.sync.backfill=P30D", "firesync.provider.retry.max-attempts=3",
        "firesync.provider.retry.initial-backoff=5ms", "firesync.provider.retry.max-backoff=20ms",
        "firesync.provider.circuit.initial-cool-down=1m", "firesync.provider.circuit.max-cool-down=10m"})
class ConvergenceTests {

    static final List<String[]> USERS = List.of(new String[]{"demo", "demo"}, new String[]{"test", "flaky"},
            new String[]{"test", "ratelimit"}, new String[]{"test", "malformed"},
            new String[]{"test", "truncated"}, new String[]{"test", "churn"});

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxWorld world;

    @Autowired
    SandboxFaults faults;

    @Autowired
    BackgroundRefresh bankRefresh;

    @Autowired
    Rollups rollups;

    @AfterEach
    void resumeFaults() {
        faults.resume();
    }

    @Test
    void everyLedgerConvergesOnTheBanksAfterAStorm() {
        var http = Http.local(port);
        var browser = new WebviewDriver(http);
        Map<String, NewUser> users = new LinkedHashMap<>();
        for (String[] user : USERS) {
            NewUser created = accounts.create(user[1], Role.USER);
            assertThat(browser.connect(created.token(), user[0], user[1], "secret").status()).isEqualTo(200);
            users.put(user[1], created);
        }
        Map<String, FeedClient> feeds = new LinkedHashMap<>();
        users.forEach((name, user) -> feeds.put(name, new FeedClient(http, user.token())));
        Background.awaitQuiet(jdbc);

        for (int step = 0; step < 30; step++) {
            clock.advance(Duration.ofHours(7));
            if (step % 2 == 0) {
                bankRefresh.refreshDue();
            }
            for (var user : users.entrySet()) {
                http.postJson("/api/sync/intelligent/all", user.getValue().token(), "");
                // a few small pages at a time, interleaved with the syncs and the background webhooks
                feeds.get(user.getKey()).read(2);
            }
        }

        faults.stop();
        clock.advance(Duration.ofHours(3));
        Background.awaitQuiet(jdbc);
        for (NewUser user : users.values()) {
            JsonNode outcomes = http.postJson("/api/sync/intelligent/all", user.token(), "").json().get("data");
            assertThat(outcomes.get(0).get("decision").asString()).as(user.name() + ": " + outcomes).isEqualTo(
                    "synced");
        }
        for (var connection : jdbc.sql("SELECT id, provider_connection_id FROM connections")
                .query((rs, row) -> new long[]{rs.getLong(1), Long.parseLong(rs.getString(2))})
                .list()) {
            assertThat(LedgerComparison.differences(jdbc, connection[0],
                    world.expectedLedger(connection[1], clock.instant())))
                    .as("connection " + connection[0])
                    .isEmpty();
        }
        // transfer marks follow the writes on a worker of their own: the feed is read once they have caught up
        users.values().forEach(user -> rollups.settle(user.id(), true));
        for (var user : users.entrySet()) {
            FeedClient feed = feeds.get(user.getKey());
            feed.read(Integer.MAX_VALUE);
            assertThat(feed.held()).as(user.getKey() + ": the copy built from /api/changes alone")
                    .isEqualTo(FeedClient.listing(http, user.getValue().token()));
            assertThat(feed.pages()).as("read in many small pages").isGreaterThan(30);
        }
        assertIncrementalRollupsEqualARebuild(users.values());
        assertThat(
                jdbc.sql("SELECT COUNT(*) FROM transactions WHERE original_amount IS NOT NULL AND deleted_at IS NULL")
                        .query(Long.class)
                        .single())
                .as("payments abroad were compared with their foreign amounts")
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE outcome = 'failed'").query(Long.class).single())
                .as("the storm made syncs fail")
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_inbox WHERE outcome = 'applied'").query(Long.class).single())
                .as("webhooks were applied")
                .isPositive();
    }

    /** Issue 15, must-show 3: the analytics roll-ups kept by every write above equal a rebuild from the ledger. */
    private void assertIncrementalRollupsEqualARebuild(Iterable<NewUser> users) {
        for (NewUser user : users) {
            rollups.settle(user.id(), true);
            RollupRows kept = RollupRows.read(jdbc, user.id());
            assertThat(kept.accountDays()).as(user.name() + " has roll-ups").isNotEmpty();
            rollups.rebuild(user.id());
            assertThat(RollupRows.read(jdbc, user.id())).as(user.name() + ": kept roll-ups against a rebuild")
                    .isEqualTo(kept);
        }
    }
}
