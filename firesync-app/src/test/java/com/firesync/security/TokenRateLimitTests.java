package com.firesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The per-token rate limit over HTTP: past the burst a token gets 429 with {@code Retry-After}, other tokens are
 * unaffected, and the token recovers as the (hand-driven) clock moves.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.security.rate-limit.requests-per-minute=60",
        "firesync.security.rate-limit.burst=5"})
class TokenRateLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MutableClock clock;

    Http http;

    String alice;

    String bob;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        alice = accounts.create("alice", Role.USER).token();
        bob = accounts.create("bob", Role.USER).token();
    }

    @Test
    void answers429WithRetryAfterPastTheLimitAndRecovers() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/accounts", alice).status()).isEqualTo(200);
        }

        Answer refused = http.get("/api/accounts", alice);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).hasValue("1");
        assertThat(http.get("/api/accounts", bob).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/api/accounts", alice).status()).isEqualTo(200);
        assertThat(http.get("/api/accounts", alice).status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/accounts", alice).status()).isEqualTo(200);
        }
    }

    @Test
    void retryAfterGrowsWithTheWaitAndRequestsWithoutAValidTokenAreNotCounted() {
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/api/accounts", "fsk_" + "x".repeat(43)).status()).isEqualTo(401);
        }
        for (int i = 0; i < 5; i++) {
            http.get("/api/accounts", alice);
        }

        Answer refused = http.get("/api/accounts", alice);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }
}
