package com.firesync.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.user.UserAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registering webhook endpoints without {@code FIRESYNC_WEBHOOKS_ALLOWPRIVATE}: a URL that reaches into the local
 * network, by address or by a name resolving there, is refused with a problem, as are malformed registrations.
 */
@FireSyncTest
class WebhookRegistrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesUrlsThatReachIntoThePrivateNetwork() {
        var http = Http.local(port);
        String token = users.create("alice", Role.USER).token();
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://10.0.0.1/hook",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://localhost:9000/hook",
                "http://192.168.1.10/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook")) {
            var answer = http.postJson("/api/webhook-endpoints", token,
                    "{\"url\": \"" + url + "\", \"events\": [\"sync.completed\"]}");
            assertThat(answer.status()).as(url).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).as(url).isEqualTo("url_not_allowed");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints").query(Long.class).single()).isZero();
    }

    @Test
    void refusesMalformedRegistrations() {
        var http = Http.local(port);
        String token = users.create("alice", Role.USER).token();
        for (String body : List.of("{}", "{\"url\": \"ftp://x/\", \"events\": [\"sync.completed\"]}",
                "{\"url\": \"http://user:pw@8.8.8.8/\", \"events\": [\"sync.completed\"]}",
                "{\"url\": \"not a url\", \"events\": [\"sync.completed\"]}",
                "{\"url\": \"http://8.8.8.8/\", \"events\": []}", "{\"url\": \"http://8.8.8.8/\", \"events\": [\"x\"]}",
                "{\"url\": \"http://8.8.8.8/\", \"events\": [null]}", "{\"url\": 5, \"events\": \"sync.failed\"}")) {
            var answer = http.postJson("/api/webhook-endpoints", token, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }
}
