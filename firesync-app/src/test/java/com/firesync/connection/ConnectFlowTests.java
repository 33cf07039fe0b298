package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.SandboxSettings;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
 * The connect flow against the built-in sandbox over real HTTP: link a bank, see its data synced, and refuse forged,
 * replayed and expired callbacks without ever storing, logging or answering the provider token in clear.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = "firesync.sync.backfill=P800D")
@ExtendWith(OutputCaptureExtension.class)
class ConnectFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SandboxWorld world;

    @Autowired
    MutableClock clock;

    @Autowired
    ProviderIdentities identities;

    @Autowired
    SandboxSettings sandbox;

    Http http;

    WebviewDriver browser;

    NewUser alice;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        browser = new WebviewDriver(http);
        alice = users.create("alice", Role.USER);
    }

    @Test
    void linksABankAndSyncsExactlyWhatTheBankShows() {
        Answer callback = browser.connect(alice.token(), "demo", "alice", "secret");

        assertThat(callback.status()).isEqualTo(200);
        JsonNode data = callback.json().get("data");
        assertThat(data.get("outcome").asString()).isEqualTo("linked");
        long connectionId = data.get("connectionIds").get(0).asLong();
        awaitSynced(connectionId);

        assertThat(LedgerComparison.differences(jdbc, connectionId,
                world.expectedLedger(providerId(connectionId), clock.instant())))
                .isEmpty();
        assertThat(http.get("/api/accounts", alice.token()).json().get("data").size()).isEqualTo(3);
        assertThat(http.get("/api/transactions?limit=500", alice.token()).json().get("data").size()).isEqualTo(500);
    }

    /**
     * A user's first connect creates their provider identity while holding a pooled connection, and the provider call
     * takes the shared budget's permits through the same pool (PostgreSQL): three times as many first connects at once
     * as the pool has connections (4 in tests) must all succeed, each user with one identity.
     */
    @Test
    void manyFirstConnectsAtOnceNeverExhaustTheConnectionPool() throws Exception {
        List<NewUser> newcomers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            newcomers.add(users.create("newcomer-" + i, Role.USER));
        }
        List<Integer> statuses;
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = newcomers.stream()
                    .map(user -> executor.submit(() -> http.get("/api/auth/powens/url", user.token()).status()))
                    .toList();
            statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).containsOnly(200);
        for (NewUser user : newcomers) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_users WHERE user_id = :user")
                    .param("user", user.id()).query(Long.class).single()).isEqualTo(1);
        }
    }

    /**
     * A first sync runs in the background with no transaction around it, and each of its statements must return its
     * pooled connection: holding one for the whole sync, three times as many first syncs at once as the pool has
     * connections (4 in tests) would leave none for the shared budget's permits (PostgreSQL), and every sync would
     * wait for a connection until it failed.
     */
    @Test
    void manyFirstSyncsAtOnceNeverExhaustTheConnectionPool() throws Exception {
        List<NewUser> newcomers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            newcomers.add(users.create("syncer-" + i, Role.USER));
        }
        List<Long> linked = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = newcomers.stream()
                    .map(user -> executor.submit(() -> browser.connect(user.token(), "demo", user.name(), "secret")))
                    .toList();
            for (var answer : answers) {
                Answer callback = answer.get();
                assertThat(callback.status()).as(callback.body()).isEqualTo(200);
                linked.add(callback.json().get("data").get("connectionIds").get(0).asLong());
            }
        }

        Background.awaitQuiet(jdbc);
        assertThat(jdbc.sql("SELECT connection_id, outcome, error_code FROM sync_runs ORDER BY connection_id")
                .query((rs, row) -> rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
                .list())
                .containsExactlyInAnyOrderElementsOf(linked.stream().map(id -> id + ":synced:null").toList());
    }

    @Test
    void refusesReplayedForgedAndExpiredStates() {
        String url = http.get("/api/auth/powens/url", alice.token()).json().get("data").get("url").asString();
        var callback = browser.submitForm(url, "demo", "alice", "secret");
        Http back = Http.absolute(callback.toString());
        assertThat(back.send(back.request("", null).header("Accept", "application/json").GET()).status())
                .isEqualTo(200);

        Answer replay = back.send(back.request("", null).header("Accept", "application/json").GET());
        Answer replayPage = back.send(back.request("", null).GET());

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().get("code").asString()).isEqualTo("state_used");
        assertThat(replayPage.status()).isEqualTo(400);
        assertThat(replayPage.contentType()).startsWith("text/html");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections").query(Long.class).single()).isEqualTo(1);

        Answer forged = http.get("/api/auth/powens/callback?state=forged&connection_id=1", null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("unknown");

        String expired = http.get("/api/auth/powens/url", alice.token()).json().get("data").get("url").asString();
        jdbc.sql("UPDATE connect_states SET expires_at = created_at WHERE consumed_at IS NULL").update();
        URI late = browser.submitForm(expired, "demo", "alice", "secret");
        Answer tooLate = Http.absolute(late.toString())
                .send(Http.absolute(late.toString()).request("", null).header("Accept", "application/json").GET());
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.json().get("code").asString()).isEqualTo("state_expired");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void recordsAndShowsACancelledConnection() {
        String url = http.get("/api/auth/powens/url", alice.token()).json().get("data").get("url").asString();
        String state = url.replaceAll(".*[?&]state=([^&]+).*", "$1");

        Answer page = http.get("/api/auth/powens/callback?state=" + state
                + "&error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("You cancelled the bank connection").doesNotContain("<script>");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(jdbc.sql("SELECT error_code FROM connect_states").query(String.class).single())
                .isEqualTo("access_denied");
    }

    @Test
    void neverKeepsLogsOrAnswersTheProviderTokenInClear(CapturedOutput output) {
        List<String> bodies = new ArrayList<>();
        Answer callback = browser.connect(alice.token(), "demo", "alice", "secret");
        bodies.add(callback.body());
        long connectionId = callback.json().get("data").get("connectionIds").get(0).asLong();
        awaitSynced(connectionId);
        bodies.add(http.get("/api/accounts", alice.token()).body());
        bodies.add(http.get("/api/sync/status", alice.token()).body());
        String token = identities.find(alice.id(), "powens").orElseThrow().token().value();

        assertThat(token).hasSizeGreaterThan(20);
        assertThat(databaseText()).doesNotContain(token);
        assertThat(output.getAll()).doesNotContain(token);
        assertThat(bodies).noneMatch(body -> body.contains(token));
    }

    @Test
    void keepsEverySecretOfAConnectAndSyncOutOfLogsAndTheDatabase(CapturedOutput output) {
        String url = http.get("/api/auth/powens/url", alice.token()).json().get("data").get("url").asString();
        String code = queryParameter(URI.create(url), "code");
        URI back = browser.submitForm(url, "demo", "alice", "secret");
        String state = queryParameter(back, "state");
        Answer callback = Http.absolute(back.toString())
                .send(Http.absolute(back.toString()).request("", null).header("Accept", "application/json").GET());
        long connectionId = callback.json().get("data").get("connectionIds").get(0).asLong();
        awaitSynced(connectionId);
        http.postJson("/api/sync/intelligent/connection/" + connectionId + "?force=true", alice.token(), "");
        String powensToken = identities.find(alice.id(), "powens").orElseThrow().token().value();
        String webhookSecret = sandbox.webhook().secret();

        var secrets = List.of(alice.token(), powensToken, code, state, webhookSecret);
        assertThat(secrets).allMatch(secret -> secret.length() >= 16);
        String database = databaseText();
        String logs = output.getAll();
        for (String secret : secrets) {
            assertThat(database).as("database").doesNotContain(secret);
            assertThat(logs).as("logs").doesNotContain(secret);
        }
    }

    private static String queryParameter(URI uri, String name) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
    }

    private void awaitSynced(long connectionId) {
        Background.awaitSynced(jdbc, connectionId);
    }

    private long providerId(long connectionId) {
        return Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :c")
                .param("c", connectionId)
                .query(String.class)
                .single());
    }

    /**
     * Every value of every table, as text (binary columns decoded byte for byte).
     */
    private String databaseText() {
        var text = new StringBuilder();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type IN ('BASE TABLE', 'TABLE')").query(String.class).list()) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                for (Object value : row.values()) {
                    text.append(value instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
