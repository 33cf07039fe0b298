package com.firesync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.FireSyncApplication;
import com.firesync.connection.ClaimantRegistry;
import com.firesync.connection.ConnectionLifecycle;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.Background;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The default run (embedded H2 and the in-app sandbox in the data directory) stopped and started again on the same
 * data directory: the sandbox remembers its users, tokens and connections, so every linked connection syncs again
 * and the world goes on where it was; a stop that lands while a webhook is being applied leaves no connection held.
 */
class RestartTests {

    private final MutableClock clock = new MutableClock(TestClockConfiguration.START);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void aRestartedDefaultRunSyncsItsConnectionsAtOnceAndLosesNothing() throws Exception {
        long connectionId;
        String token;
        try (var first = start()) {
            var http = http(first);
            String admin = Files.readString(data.resolve("admin-token")).strip();
            token = http.postJson("/api/admin/users", admin, "{\"name\":\"alice\"}").json().get("data").get("token")
                    .asString();
            connectionId = new WebviewDriver(http).connect(token, "demo", "alice", "secret").json().get("data")
                    .get("connectionIds").get(0).asLong();
            Background.awaitQuiet(first.getBean(JdbcClient.class));
            // the stop lands while a webhook is being applied: its claim is held by this instance
            assertThat(first.getBean(ConnectionLifecycle.class).claimForWebhook(connectionId,
                    first.getBean(ClaimantRegistry.class).id(), clock.instant(), Duration.ofMinutes(15))).isPresent();
        }
        assertThat(data.resolve("sandbox-state.json")).exists();

        clock.advance(Duration.ofDays(1));
        try (var second = start()) {
            var http = http(second);
            JsonNode outcome = http.postJson("/api/sync/intelligent/connection/" + connectionId + "?force=true",
                    token, "").json().get("data");

            assertThat(outcome.get("decision").asString()).as(outcome.toString()).isEqualTo("synced");
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Background.awaitQuiet(jdbc);
            long providerId = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id")
                    .param("id", connectionId).query(String.class).single());
            assertThat(LedgerComparison.differences(jdbc, connectionId,
                    second.getBean(SandboxWorld.class).expectedLedger(providerId, clock.instant()))).isEmpty();
            assertThat(http.get("/api/sync/status", token).json().get("data").get(0).get("state").asString())
                    .isEqualTo("active");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FireSyncApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run("--firesync.data-dir=" + data, "--server.port=0", "--ENABLE_SCHEDULED_SYNC=false",
                        "--firesync.sandbox.history=P20D", "--firesync.sync.backfill=P30D",
                        "--firesync.sandbox.refresh-interval=0s", "--firesync.sandbox.accounts-per-connection=3");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.local(Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0")));
    }
}
