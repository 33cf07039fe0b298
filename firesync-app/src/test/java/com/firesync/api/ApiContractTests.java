package com.firesync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.user.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The envelope, the problem shape of every kind of refusal, and the admin-only user creation, over HTTP.
 */
@FireSyncTest
class ApiContractTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    Http http;

    String adminToken;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        adminToken = users.create("admin", Role.ADMIN).token();
    }

    @Test
    void answersEmptyAccountListInEnvelope() {
        Answer answer = http.get("/api/accounts", adminToken);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"success\":true,\"data\":[]}");
    }

    @Test
    void speaksJsonOnly() {
        Answer yaml = http.send(http.request("/api/admin/users", adminToken).header("Accept", "application/yaml"));
        Answer yamlBody = http.post("/api/admin/users", adminToken, "application/yaml", "name: Yaml\n");

        assertThat(yaml.status()).isEqualTo(406);
        assertThat(yaml.body()).doesNotContain("createdAt");
        assertProblem(yamlBody, 415, "unsupported_media_type");
        Answer users = http.get("/api/admin/users", adminToken);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).doesNotContain("Yaml");
        assertThat(users.json().get("data").get(0).get("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void refusesMissingAndUnknownTokensWith401Problem() {
        for (String token : new String[]{null, "fsk_" + "x".repeat(43), "not-a-token"}) {
            Answer answer = http.get("/api/accounts", token);

            assertProblem(answer, 401, "unauthorized");
            assertThat(answer.header("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Test
    void adminCreatesUserWhoseTokenWorksButNotOnAdminRoutes() {
        Answer created = http.postJson("/api/admin/users", adminToken, "{\"name\":\"  Alice \"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("success").asBoolean()).isTrue();
        var data = created.json().get("data");
        assertThat(data.get("name").asString()).isEqualTo("Alice");
        assertThat(data.get("id").asLong()).isPositive();
        String token = data.get("token").asString();
        assertThat(token).startsWith("fsk_");

        assertThat(http.get("/api/accounts", token).status()).isEqualTo(200);
        assertProblem(http.postJson("/api/admin/users", token, "{\"name\":\"Mallory\"}"), 403, "forbidden");
    }

    @Test
    void refusesBadBodiesWith400Problems() {
        assertProblem(http.postJson("/api/admin/users", adminToken, "{\"name\":"), 400, "malformed_body");
        assertProblem(http.postJson("/api/admin/users", adminToken, "[1,2]"), 400, "malformed_body");
        assertProblem(http.postJson("/api/admin/users", adminToken, "{\"name\":\" \"}"), 400, "validation_failed");
        assertProblem(http.postJson("/api/admin/users", adminToken, "{}"), 400, "validation_failed");
    }

    @Test
    void answersRoutingFailuresWithProblems() {
        assertProblem(http.get("/api/nothing-here", adminToken), 404, "not_found");
        assertProblem(http.send("DELETE", "/api/accounts", adminToken), 405, "method_not_allowed");
        assertProblem(http.post("/api/admin/users", adminToken, "text/plain", "name=x"), 415,
                "unsupported_media_type");
    }

    @Test
    void refusesBadTransactionParametersNamingThem() {
        String[][] cases = {{"limit=0", "limit"}, {"limit=501", "limit"}, {"limit=ten", "limit"},
                {"cursor=%21%40%23", "cursor"}, {"cursor=dDE6MjAyNi0wMS0wMTp4", "cursor"}, {"from=2026-13-01", "from"},
                {"to=yesterday", "to"}, {"pending=maybe", "pending"}, {"accountId=-3", "accountId"},
                {"accountId=abc", "accountId"}, {"from=2026-02-01&to=2026-01-01", "from"}};
        for (String[] c : cases) {
            Answer answer = http.get("/api/transactions?" + c[0], adminToken);

            assertProblem(answer, 400, "invalid_parameter");
            assertThat(answer.json().get("detail").asString()).as(c[0]).contains("'" + c[1] + "'");
        }
    }

    @Test
    void answersUnknownAccountFilterWith404() {
        assertProblem(http.get("/api/transactions?accountId=999999", adminToken), 404, "account_not_found");
    }

    @Test
    void problemsCarryNoInternals() {
        Answer answer = http.postJson("/api/admin/users", adminToken, "{\"name\": [\"nested\", {\"x\": 1}]}");

        assertProblem(answer, 400, "malformed_body");
        assertThat(answer.body()).doesNotContain("tools.jackson", "Exception", "com.firesync", "at [Source");
    }

    static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        var json = answer.json();
        assertThat(json.get("success").asBoolean()).isFalse();
        assertThat(json.get("code").asString()).isEqualTo(code);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("title").asString()).isNotBlank();
        assertThat(json.get("detail").asString()).isNotBlank();
    }
}
