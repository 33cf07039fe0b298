package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider-wide knobs: base latency, a share of 503s and a rate limit answering 429 with {@code Retry-After}.
 */
class GlobalFaultsTests {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.latency=PT0.15S",
            "--firesync.sandbox.fault-rate=0.5", "--firesync.sandbox.rate-limit=4");

    private static SandboxHttp http;

    @BeforeAll
    static void connect() throws Exception {
        http = SandboxHttp.of(sandbox.context());
    }

    @Test
    void knobsAddLatencyFaultsAndARateLimit() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            responses.add(http.get("/sandbox/2.0/users/me", ""));
        }
        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        // four tokens: calls 1 and 3 pass to the handler (401 without a token), 2 and 4 are the injected 503s
        assertThat(statuses).containsExactly(401, 503, 401, 503, 429, 429);
        assertThat(http.json.readTree(responses.get(1).body()).get("code").asString())
                .isEqualTo("websiteUnavailable");
        assertThat(responses.get(4).headers().firstValue("Retry-After")).hasValue("1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(6 * 150));

        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/sandbox/2.0/users/me", "").statusCode()).isEqualTo(401);
    }
}
