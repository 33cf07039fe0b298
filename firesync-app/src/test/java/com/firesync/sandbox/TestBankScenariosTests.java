package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.world.ConnectionLedger;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Every Test Bank scenario, seen from a client over HTTP.
 */
class TestBankScenariosTests {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T08:00:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.history=P20D",
            "--firesync.sandbox.refresh-interval=0s");

    private static SandboxHttp http;

    @BeforeAll
    static void connect() throws Exception {
        http = SandboxHttp.of(sandbox.context());
    }

    @Test
    void scaIsRequiredAfterTheConfiguredSyncsAndAReconnectClearsIt() throws Exception {
        String token = http.init();
        long id = http.connect(token, "test", "sca:2");
        String path = "/sandbox/2.0/users/me/connections/" + id;
        assertThat(http.send("PUT", path, token, "", "").statusCode()).isEqualTo(200);
        assertThat(http.send("PUT", path, token, "", "").statusCode()).isEqualTo(200);

        var refused = http.send("PUT", path, token, "", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(http.json.readTree(refused.body()).get("code").asString()).isEqualTo("SCARequired");
        assertThat(http.getJson(path, token).get("state").asString()).isEqualTo("SCARequired");

        String reconnect = "/sandbox/webview/en/reconnect" + SandboxHttp.webviewQuery(http.code(token), "r1")
                + "&connection_id=" + id;
        assertThat(http.get(reconnect, "").statusCode()).isEqualTo(200);
        var done = http.submit(reconnect, Map.of("login", "sca:2", "password", "secret"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(SandboxHttp.query(done.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(Map.of("state", "r1"));
        assertThat(http.getJson(path, token).get("state").isNull()).isTrue();
        assertThat(http.send("PUT", path, token, "", "").statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyPostSyncsTheConnectionAndPutStaysItsLegacyAlias() throws Exception {
        String token = http.init();
        long id = http.connect(token, "test", "sca:2");
        String path = "/sandbox/2.0/users/me/connections/" + id;

        JsonNode synced = http.ok(http.send("POST", path + "?expand=connector", token, "", ""));
        assertThat(synced.get("id").asLong()).isEqualTo(id);
        assertThat(synced.get("state").isNull()).isTrue();
        assertThat(synced.get("connector").get("uuid").isString()).isTrue();
        assertThat(http.send("PUT", path, token, "", "").statusCode()).isEqualTo(200);

        // both calls counted as syncs: the third trips SCA, whichever verb asks
        var refused = http.send("POST", path, token, "", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(http.json.readTree(refused.body()).get("code").asString()).isEqualTo("SCARequired");
        assertThat(http.send("POST", path, token, "{\"resume\": true}", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(http.send("POST", "/sandbox/2.0/users/me/connections/999999", token, "", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void scaFreezesTheDataAtTheInstantItTripped() throws Exception {
        String token = http.init();
        long id = http.connect(token, "test", "sca:1");
        var world = sandbox.context().getBean(SandboxWorld.class);
        http.getJson("/sandbox/2.0/users/me/transactions?limit=10", token);
        http.getJson("/sandbox/2.0/users/me/transactions?limit=10", token);
        Instant tripped = clock.instant();
        clock.advance(Duration.ofDays(2));
        assertThat(http.getJson("/sandbox/2.0/users/me/connections/" + id, token).get("state").asString())
                .isEqualTo("SCARequired");
        assertThat(world.expectedLedger(id, clock.instant())).isEqualTo(world.expectedLedger(id, tripped));
    }

    @Test
    void aWrongPasswordShowsAFormErrorWithoutRedirecting() throws Exception {
        String token = http.init();
        String path = "/sandbox/webview/en/connect" + SandboxHttp.webviewQuery(http.code(token), "w");
        for (var form : List.of(Map.of("bank", "test", "login", "wrongpass", "password", "x"),
                Map.of("bank", "test", "login", "alice", "password", "wrong"))) {
            var response = http.submit(path, form);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.body()).contains("Wrong login or password");
        }
    }

    @Test
    void cancellingRedirectsWithAccessDenied() throws Exception {
        String token = http.init();
        var response = http.submit("/sandbox/webview/en/connect" + SandboxHttp.webviewQuery(http.code(token), "c"),
                Map.of("action", "cancel"));
        assertThat(response.statusCode()).isEqualTo(302);
        var query = SandboxHttp.query(response.headers().firstValue("Location").orElseThrow());
        assertThat(query).containsEntry("error", "access_denied").containsEntry("state", "c")
                .containsKey("error_description");
    }

    @Test
    void theWebviewRefusesUnknownClientsRedirectsAndCodes() throws Exception {
        String token = http.init();
        String good = SandboxHttp.webviewQuery(http.code(token), "v");
        for (String query : List.of(good.replace("client_id=firesync-sandbox", "client_id=other"),
                good.replace("localhost%3A9", "evil.example"), SandboxHttp.webviewQuery("bogus", "v"),
                good.replace("&state=v", "&state=%3Cscript%3E"))) {
            var response = http.get("/sandbox/webview/en/connect" + query, "");
            if (query.contains("script")) {
                assertThat(response.body()).doesNotContain("<script>");
            } else {
                assertThat(response.statusCode()).as(query).isEqualTo(400);
            }
        }
    }

    @Test
    void flakyFailsAShareOfCallsWith5xx() throws Exception {
        String token = http.init();
        http.connect(token, "test", "flaky:50");
        List<Integer> statuses = statuses(token, 8);
        assertThat(statuses).contains(200, 503, 500);
    }

    @Test
    void slowAddsLatency() throws Exception {
        String token = http.init();
        http.connect(token, "test", "slow:300");
        long start = System.nanoTime();
        http.getJson("/sandbox/2.0/users/me/accounts", token);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void ratelimitAnswers429WithRetryAfter() throws Exception {
        String token = http.init();
        http.connect(token, "test", "ratelimit");
        HttpResponse<String> limited = null;
        for (int i = 0; i < 4 && limited == null; i++) {
            var response = http.get("/sandbox/2.0/users/me/accounts", token);
            limited = response.statusCode() == 429 ? response : null;
        }
        assertThat(limited).isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(http.json.readTree(limited.body()).get("code").asString()).isEqualTo("rateLimiting");
    }

    @Test
    void malformedServesSomePagesThatAreNotJson() throws Exception {
        String token = http.init();
        http.connect(token, "test", "malformed");
        int broken = 0;
        for (int i = 0; i < 4; i++) {
            var response = http.get("/sandbox/2.0/users/me/transactions?limit=50", token);
            assertThat(response.statusCode()).isEqualTo(200);
            try {
                http.json.readTree(response.body());
            } catch (JacksonException e) {
                broken++;
            }
        }
        assertThat(broken).isEqualTo(2);
    }

    @Test
    void truncatedDropsTheConnectionMidPage() throws Exception {
        String token = http.init();
        http.connect(token, "test", "truncated");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try {
                outcomes.add(Integer.toString(http.get("/sandbox/2.0/users/me/transactions?limit=50", token)
                        .statusCode()));
            } catch (IOException e) {
                outcomes.add("io-error");
            }
        }
        assertThat(outcomes).contains("200", "io-error");
    }

    @Test
    void churnProducesFarMorePendingAndDeletedRows() throws Exception {
        var world = sandbox.context().getBean(SandboxWorld.class);
        String token = http.init();
        long calm = http.connect(token, "demo", "calm");
        long churn = http.connect(token, "test", "churn");
        clock.advance(Duration.ofDays(3));
        assertThat(unsettled(world.expectedLedger(churn, clock.instant())))
                .isGreaterThan(2 * unsettled(world.expectedLedger(calm, clock.instant())));
    }

    private static long unsettled(ConnectionLedger ledger) {
        return ledger.transactions().stream().filter(t -> t.coming() || t.isDeleted()).map(LedgerTransaction::id)
                .count();
    }

    private static List<Integer> statuses(String token, int calls) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(http.get("/sandbox/2.0/users/me/accounts", token).statusCode());
        }
        return statuses;
    }
}
