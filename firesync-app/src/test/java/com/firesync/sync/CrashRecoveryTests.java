package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.FireSyncProcess;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import com.firesync.testing.TestDatabase;
import com.firesync.testing.WebviewDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * FireSync is killed with SIGKILL at random moments while it syncs, again and again, while the bank keeps moving;
 * after a restart and one more sync, every ledger equals the bank's, with no duplicate and nothing lost.
 */
@Tag("database")
class CrashRecoveryTests {

    // the FireSync processes run on the real clock: the bank starts from the same now and moves ahead of it
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    // each call takes 100 ms, so that a sync spans a few hundred milliseconds a kill can land in
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(clock, "--firesync.sandbox.history=P30D",
            "--firesync.sandbox.latency=PT0.1S");

    static final int KILLS = 6;

    // kept when the test fails: the FireSync log is in it
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void survivesRepeatedKillsDuringSyncs() throws Exception {
        String root = sandbox.root();
        Map<String, String> environment = environment(root);
        Path log = dir.resolve("firesync.log");
        var random = new Random(7);
        FireSyncProcess firesync = FireSyncProcess.start(environment, log);
        String token = linkBanks(firesync, dir.resolve("data/admin-token"));
        JdbcClient jdbc = jdbc(environment);
        try {
            // the first syncs the links started end first: counted among the unfinished runs below, they would make
            // the first round wait for more syncs in flight at once than there are connections
            await().atMost(Duration.ofSeconds(30)).until(() -> unfinished(jdbc) == 0);
            for (int kill = 0; kill < KILLS; kill++) {
                clock.advance(Duration.ofHours(13));
                long unfinished = unfinished(jdbc);
                var running = firesync;
                // the killed instance's claims hold their connections until their 3 s lease ends: a sync asked for
                // before that is skipped (in_progress), so ask again each second until one runs
                var asked = new AtomicLong(System.nanoTime() - Duration.ofSeconds(2).toNanos());
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> {
                            if (System.nanoTime() - asked.get() > Duration.ofSeconds(1).toNanos()) {
                                asked.set(System.nanoTime());
                                CompletableFuture.runAsync(
                                        () -> running.http().postJson("/api/sync/intelligent/all", token, ""));
                            }
                            return unfinished(jdbc) > unfinished;
                        });
                // once a sync runs, the kill lands at a random moment of it (or just after it)
                Thread.sleep(random.nextInt(400));
                firesync.kill();
                firesync = FireSyncProcess.start(environment, log);
            }
            awaitEverySynced(firesync, token);
            SandboxWorld world = sandbox.bean(SandboxWorld.class);
            List<long[]> connections = jdbc.sql("SELECT id, provider_connection_id FROM connections")
                    .query((rs, row) -> new long[]{rs.getLong(1), Long.parseLong(rs.getString(2))})
                    .list();
            assertThat(connections).hasSize(3);
            for (long[] connection : connections) {
                assertThat(LedgerComparison.differences(jdbc, connection[0],
                        world.expectedLedger(connection[1], clock.instant())))
                        .as("connection " + connection[0])
                        .isEmpty();
            }
            assertThat(unfinished(jdbc)).as("syncs cut short by a kill").isPositive();
        } finally {
            firesync.close();
        }
    }

    private static String linkBanks(FireSyncProcess firesync, Path adminTokenFile) throws Exception {
        String admin = Files.readString(adminTokenFile).strip();
        String token = firesync.http()
                .postJson("/api/admin/users", admin, "{\"name\":\"alice\"}")
                .json()
                .get("data")
                .get("token")
                .asString();
        var browser = new WebviewDriver(firesync.http());
        for (String[] bank : new String[][]{{"demo", "a"}, {"demo", "b"}, {"test", "churn"}}) {
            assertThat(browser.connect(token, bank[0], bank[1], "secret").status()).isEqualTo(200);
        }
        return token;
    }

    private Map<String, String> environment(String sandboxRoot) {
        Map<String, String> environment = new HashMap<>(TestDatabase.forChildProcesses(
                "fs_crash_" + ProcessHandle.current().pid(), dir));
        environment.put("FIRESYNC_DATA_DIR", dir.resolve("data").toString());
        environment.put("POWENS_BASE_URL", sandboxRoot + "/2.0");
        environment.put("POWENS_WEBVIEW_URL", sandboxRoot + "/webview");
        environment.put("FIRESYNC_SANDBOX_ENABLED", "false");
        environment.put("ENABLE_SCHEDULED_SYNC", "false");
        environment.put("FIRESYNC_SYNC_FRESHFOR", "0s");
        environment.put("FIRESYNC_SYNC_MININTERVAL", "0s");
        environment.put("FIRESYNC_SYNC_LEASE", "3s");
        environment.put("FIRESYNC_SYNC_BACKFILL", "P60D");
        return environment;
    }

    private static void awaitEverySynced(FireSyncProcess firesync, String token) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode outcomes = firesync.http().postJson("/api/sync/intelligent/all", token, "").json().get("data");
            boolean all = outcomes.size() == 3;
            for (JsonNode outcome : outcomes) {
                all &= outcome.get("decision").asString().equals("synced");
            }
            return all;
        });
    }

    private static long unfinished(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NULL").query(Long.class).single();
    }

    private static JdbcClient jdbc(Map<String, String> environment) {
        return JdbcClient.create(new DriverManagerDataSource(environment.get("FIRESYNC_DB_URL"),
                environment.get("FIRESYNC_DB_USER"), environment.get("FIRESYNC_DB_PASSWORD")));
    }
}
