package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Authentication, error codes and list parameters as Powens defines them; {@link PowensApiContractTests} checks the
 * shapes of the answers.
 */
class PowensApiBehaviourTests {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T10:00:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.history=P40D",
            "--firesync.sandbox.refresh-interval=0s");

    private static SandboxHttp http;

    @BeforeAll
    static void connect() throws Exception {
        http = SandboxHttp.of(sandbox.context());
    }

    @Test
    void initAcceptsFormBodiesAndRefusesAWrongSecret() throws Exception {
        var form = http.send("POST", "/sandbox/2.0/auth/init", "",
                "client_id=firesync-sandbox&client_secret=firesync-sandbox-secret",
                "application/x-www-form-urlencoded");
        JsonNode created = http.ok(form);
        assertThat(created.get("type").asString()).isEqualTo("permanent");
        assertThat(created.get("expires_in").isNull()).isTrue();
        assertThat(created.get("id_user").asLong()).isPositive();

        var refused = http.send("POST", "/sandbox/2.0/auth/init", "",
                "{\"client_id\":\"firesync-sandbox\",\"client_secret\":\"nope\"}", "application/json");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(PowensSpec.get().schemaViolations("ServiceError", refused.body())).isEmpty();
    }

    @Test
    void renewingWithRevokePreviousRetiresTheOldTokenAndDeleteRevokesTheBearer() throws Exception {
        String old = http.init();
        long user = http.getJson("/sandbox/2.0/users/me", old).get("id").asLong();
        String body = "{\"grant_type\":\"client_credentials\",\"client_id\":\"firesync-sandbox\","
                + "\"client_secret\":\"firesync-sandbox-secret\",\"id_user\":" + user + ",\"revoke_previous\":true}";
        JsonNode renewed = http.ok(http.send("POST", "/sandbox/2.0/auth/renew", "", body, "application/json"));
        assertThat(renewed.get("token_type").asString()).isEqualTo("Bearer");
        String fresh = renewed.get("access_token").asString();

        var rejected = http.get("/sandbox/2.0/users/me", old);
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(http.json.readTree(rejected.body()).get("code").asString()).isEqualTo("invalidToken");
        assertThat(http.getJson("/sandbox/2.0/users/me", fresh).get("id").asLong()).isEqualTo(user);

        assertThat(http.send("DELETE", "/sandbox/2.0/auth/token", fresh, "", "").statusCode()).isEqualTo(204);
        assertThat(http.get("/sandbox/2.0/users/me", fresh).statusCode()).isEqualTo(401);
    }

    @Test
    void singleAccessCodesWorkOnceAndAllCodesExpireAfterThirtyMinutes() throws Exception {
        String token = http.init();
        String code = http.code(token);
        String path = "/sandbox/webview/en/connect" + SandboxHttp.webviewQuery(code, "once");
        var form = Map.of("bank", "demo", "login", "a", "password", "b");
        assertThat(http.submit(path, form).statusCode()).isEqualTo(302);
        assertThat(http.submit(path, form).statusCode()).isEqualTo(400);

        JsonNode standard = http.getJson("/sandbox/2.0/auth/token/code", token);
        assertThat(standard.get("access").asString()).isEqualTo("standard");
        assertThat(standard.get("expires_in").asInt()).isEqualTo(1800);
        String late = "/sandbox/webview/en/connect" + SandboxHttp.webviewQuery(standard.get("code").asString(), "l");
        assertThat(http.get(late, "").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(http.get(late, "").statusCode()).isEqualTo(400);
    }

    @Test
    void listsRefuseMissingTokensAndUsersWithoutAccounts() throws Exception {
        var missing = http.get("/sandbox/2.0/users/me/connections", "");
        assertThat(missing.statusCode()).isEqualTo(401);
        String token = http.init();
        var none = http.get("/sandbox/2.0/users/me/accounts", token);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(http.json.readTree(none.body()).get("code").asString()).isEqualTo("noAccount");
        assertThat(http.getJson("/sandbox/2.0/users/me/connections", token).get("connections")).isEmpty();
    }

    @Test
    void transactionParametersAreValidatedAndFiltered() throws Exception {
        String token = http.init();
        http.connect(token, "demo", "erin");
        for (String bad : new String[]{"limit=1001", "limit=x", "offset=-1", "min_date=yesterday", "filter=value",
                "last_update=soon"}) {
            var response = http.get("/sandbox/2.0/users/me/transactions?" + bad, token);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(http.json.readTree(response.body()).get("code").asString()).isEqualTo("invalidValue");
        }
        JsonNode byDate = http.getJson("/sandbox/2.0/users/me/transactions?filter=date&min_date=2026-06-20"
                + "&max_date=2026-06-25&limit=1000", token);
        assertThat(byDate.get("transactions")).isNotEmpty().allSatisfy(row -> assertThat(row.get("date").asString())
                .isBetween("2026-06-20", "2026-06-25"));
        JsonNode defaultWindow = http.getJson("/sandbox/2.0/users/me/transactions?limit=1000", token);
        assertThat(defaultWindow.get("transactions")).allSatisfy(row -> assertThat(
                row.get("application_date").asString()).isGreaterThanOrEqualTo("2026-06-01"));
        JsonNode firstPage = http.getJson("/sandbox/2.0/users/me/transactions?min_date=2026-06-01&limit=10", token);
        assertThat(firstPage.get("_links").get("prev").isNull()).isTrue();
        assertThat(firstPage.get("_links").get("next").get("href").asString())
                .isEqualTo("/sandbox/2.0/users/me/transactions?min_date=2026-06-01&limit=10&offset=10");
    }

    @Test
    void accountTransactionsAndConnectionExpansionsBelongToTheCaller() throws Exception {
        String token = http.init();
        long connection = http.connect(token, "demo", "finn");
        String intruder = http.init();
        http.connect(intruder, "demo", "gus");
        long account = connection * 10 + 2;
        JsonNode page = http.getJson("/sandbox/2.0/users/me/accounts/" + account + "/transactions?limit=50", token);
        assertThat(page.get("transactions")).allSatisfy(row -> assertThat(row.get("id_account").asLong())
                .isEqualTo(account));
        assertThat(http.get("/sandbox/2.0/users/me/accounts/" + account + "/transactions", intruder).statusCode())
                .isEqualTo(404);
        JsonNode expanded = http.getJson("/sandbox/2.0/users/me/connections/" + connection
                + "?expand=connector,accounts", token);
        assertThat(expanded.get("connector").get("name").asString()).isEqualTo("Demo Bank");
        assertThat(expanded.get("accounts")).hasSize(3);
        JsonNode plain = http.getJson("/sandbox/2.0/users/me/connections/" + connection, token);
        assertThat(plain.has("connector")).isFalse();
        assertThat(plain.has("accounts")).isFalse();
        assertThat(plain.has("state")).isTrue();
    }
}
