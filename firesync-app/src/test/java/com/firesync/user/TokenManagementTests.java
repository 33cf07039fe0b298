package com.firesync.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Listing, issuing, revoking and rotating API tokens over HTTP.
 */
@FireSyncTest
class TokenManagementTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    Http http;

    NewUser admin;

    NewUser alice;

    NewUser bob;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        admin = accounts.create("admin", Role.ADMIN);
        alice = accounts.create("alice", Role.USER);
        bob = accounts.create("bob", Role.USER);
    }

    @Test
    void listsOnlyTheCallersTokensWithoutSecrets() {
        Answer answer = http.get("/api/tokens", alice.token());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode tokens = answer.json().get("data");
        assertThat(tokens).hasSize(1);
        JsonNode token = tokens.get(0);
        assertThat(token.get("prefix").asString()).isEqualTo(alice.token().substring(0, 8));
        assertThat(token.get("createdAt").asString()).isNotBlank();
        assertThat(token.get("revoked").asBoolean()).isFalse();
        assertThat(token.has("lastUsedAt")).isTrue();
        assertThat(answer.body()).doesNotContain(alice.token(), ApiTokenFormat.hash(alice.token()), bob.token()
                .substring(0, 8));
    }

    @Test
    void listsUsersToAnAdminOnlyWithoutTokensAndWithoutThoseBeingErased() {
        accounts.startErasure(bob.id());

        Answer answer = http.get("/api/admin/users", admin.token());

        assertThat(answer.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().get("data").forEach(user -> names.add(user.get("name").asString()));
        assertThat(names).containsExactly("admin", "alice");
        assertThat(answer.json().get("data").get(1).get("role").asString()).isEqualTo("USER");
        assertThat(answer.body()).doesNotContain("fsk_", "token");
        assertThat(http.get("/api/admin/users", alice.token()).status()).isEqualTo(403);
    }

    @Test
    void issuesAWorkingTokenShownOnce() {
        Answer issued = http.postJson("/api/tokens", alice.token(), "");

        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("data").get("token").asString();
        assertThat(token).startsWith("fsk_").hasSize(47);
        assertThat(http.get("/api/accounts", token).status()).isEqualTo(200);
        Answer listed = http.get("/api/tokens", token);
        assertThat(listed.json().get("data")).hasSize(2);
        assertThat(listed.body()).doesNotContain(token);
        assertThat(jdbc.sql("SELECT token_hash FROM api_tokens").query(String.class).list()).doesNotContain(token);
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        String second = http.postJson("/api/tokens", alice.token(), "").json().get("data").get("token").asString();
        long firstId = tokenIds(alice.token()).get(0);

        Answer revoked = http.send("DELETE", "/api/tokens/" + firstId, second);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(http.get("/api/accounts", alice.token()).status()).isEqualTo(401);
        assertThat(http.get("/api/tokens", second).json().get("data").get(0).get("revoked").asBoolean()).isTrue();
    }

    @Test
    void tokenRecentlyUsedIsRefusedRightAfterItsRevocation() {
        String second = http.postJson("/api/tokens", alice.token(), "").json().get("data").get("token").asString();
        long firstId = tokenIds(alice.token()).get(0);
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/accounts", alice.token()).status()).isEqualTo(200);
        }

        assertThat(http.send("DELETE", "/api/tokens/" + firstId, alice.token()).status()).isEqualTo(204);

        assertThat(http.get("/api/accounts", alice.token()).status()).isEqualTo(401);
        assertThat(http.get("/api/accounts", second).status()).isEqualTo(200);
    }

    @Test
    void revokingAnotherUsersTokenAnswers404AndLeavesItWorking() {
        long bobsToken = tokenIds(bob.token()).get(0);

        Answer answer = http.send("DELETE", "/api/tokens/" + bobsToken, alice.token());

        assertProblem(answer, 404, "token_not_found");
        assertThat(http.get("/api/accounts", bob.token()).status()).isEqualTo(200);
    }

    @Test
    void refusesMalformedTokenIdNamingTheParameter() {
        Answer answer = http.send("DELETE", "/api/tokens/abc", alice.token());

        assertProblem(answer, 400, "invalid_parameter");
        assertThat(answer.json().get("detail").asString()).contains("'id'");
    }

    @Test
    void adminMintsTokenForUserButUsersCannot() {
        Answer minted = http.postJson("/api/admin/users/" + bob.id() + "/tokens", admin.token(), "");

        assertThat(minted.status()).isEqualTo(201);
        String token = minted.json().get("data").get("token").asString();
        assertThat(http.get("/api/tokens", token).json().get("data")).hasSize(2);
        assertProblem(http.postJson("/api/admin/users/" + bob.id() + "/tokens", alice.token(), ""), 403, "forbidden");
        assertProblem(http.postJson("/api/admin/users/999999/tokens", admin.token(), ""), 404, "user_not_found");
    }

    @Test
    void rotatesTheAdminToken() {
        String fresh = http.postJson("/api/admin/users/" + admin.id() + "/tokens", admin.token(), "")
                .json()
                .get("data")
                .get("token")
                .asString();
        long oldId = tokenIds(fresh).get(0);

        assertThat(http.send("DELETE", "/api/tokens/" + oldId, fresh).status()).isEqualTo(204);

        assertThat(http.postJson("/api/admin/users", admin.token(), "{\"name\":\"carol\"}").status()).isEqualTo(401);
        assertThat(http.postJson("/api/admin/users", fresh, "{\"name\":\"carol\"}").status()).isEqualTo(201);
    }

    @Test
    void recordsWhenATokenWasLastUsed() {
        http.get("/api/accounts", alice.token());

        assertThat(http.get("/api/tokens", alice.token()).json().get("data").get(0).get("lastUsedAt").isNull())
                .isFalse();
    }

    private List<Long> tokenIds(String token) {
        return http.get("/api/tokens", token).json().get("data").valueStream().map(t -> t.get("id").asLong())
                .toList();
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }
}
