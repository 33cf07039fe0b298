package com.firesync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.user.UserAccounts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Body size caps per route and JSON parsing limits, over HTTP: refusals are problems, never 5xx.
 */
@FireSyncTest
class InputLimitsTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JsonMapper json;

    Http http;

    String admin;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        admin = accounts.create("admin", Role.ADMIN).token();
    }

    @Test
    void refusesBodyOverTheCapWith413Problem() {
        String body = "{\"name\":\"" + "a".repeat(70_000) + "\"}";

        assertProblem(http.postJson("/api/admin/users", admin, body), 413, "body_too_large");
        assertProblem(http.postJson("/api/admin/users", null, body), 413, "body_too_large");
    }

    @Test
    void refusesChunkedBodyOverTheCapWith413Problem() {
        byte[] body = ("{\"name\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        Answer answer = http.send(http.request("/api/admin/users", admin)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(answer, 413, "body_too_large");
    }

    @Test
    void letsWebhooksCarryLargeBodies() {
        String body = "{\"user\":{\"id\":1},\"accounts\":[" + "{\"id\":1},".repeat(100_000) + "{\"id\":2}]}";

        Answer answer = http.postJson("/api/webhooks/powens/CONNECTION_SYNCED", null, body);

        assertThat(answer.status()).as(answer.body()).isNotEqualTo(413).isBetween(200, 499);
        assertThat(answer.contentType()).doesNotContain("html");
    }

    @Test
    void refusesDeeplyNestedJsonAsMalformed() {
        String body = "{\"name\":" + "[".repeat(200) + "]".repeat(200) + "}";

        assertProblem(http.postJson("/api/admin/users", admin, body), 400, "malformed_body");
    }

    @Test
    void capsStringLengthInTheApplicationMapper() {
        String body = "{\"name\":\"" + "a".repeat(150_000) + "\"}";

        assertThatThrownBy(() -> json.readTree(body)).isInstanceOf(JacksonException.class)
                .hasMessageContaining("String value length");
        assertThat(json.readTree("{\"name\":\"" + "a".repeat(90_000) + "\"}").get("name").asString()).hasSize(90_000);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }
}
