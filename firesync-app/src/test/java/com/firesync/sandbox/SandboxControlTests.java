package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.ShiftableClock;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * What load tests use from another process: one connection's transaction list, listings paged from a snapshot, and
 * {@code POST /sandbox/control} (on only when asked for) moving the bank's clock and turning the provider-wide knobs.
 */
class SandboxControlTests {

    private static final MutableClock base = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));

    private static final ShiftableClock clock = new ShiftableClock(base);

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.control=true",
            "--firesync.sandbox.history=P20D", "--firesync.sandbox.refresh-interval=PT1H");

    private static SandboxHttp http;

    @BeforeAll
    static void connect() throws Exception {
        http = SandboxHttp.of(sandbox.context());
    }

    @Test
    void listsOneConnectionsTransactionsAndNoOtherUsers() throws Exception {
        String token = http.init();
        long first = http.connect(token, "demo", "alice");
        long second = http.connect(token, "demo", "alice-2");
        SandboxWorld world = sandbox.context().getBean(SandboxWorld.class);

        List<JsonNode> rows = http.allPages(
                "/sandbox/2.0/users/me/connections/" + second + "/transactions?min_date=2000-01-01&all&limit=50",
                token);

        assertThat(rows).extracting(row -> row.get("id").asLong())
                .containsExactlyElementsOf(world.expectedLedger(second, clock.instant())
                        .transactions()
                        .stream()
                        .map(LedgerTransaction::id)
                        .toList())
                .doesNotContainAnyElementsOf(world.expectedLedger(first, clock.instant())
                        .transactions()
                        .stream()
                        .map(LedgerTransaction::id)
                        .toList());
        rows.forEach(row -> assertThat(PowensSpec.get().schemaViolations("Transaction", row.toString())).isEmpty());
        assertThat(http.get("/sandbox/2.0/users/me/connections/" + second + "/transactions", http.init())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void pagesOfOneListingComeFromTheSnapshotOfItsFirstPage() throws Exception {
        String token = http.init();
        long connection = http.connect(token, "demo", "bob");
        SandboxWorld world = sandbox.context().getBean(SandboxWorld.class);
        List<Long> expected = world.expectedLedger(connection, clock.instant())
                .transactions()
                .stream()
                .map(LedgerTransaction::id)
                .toList();
        String path = "/sandbox/2.0/users/me/connections/" + connection + "/transactions?min_date=2000-01-01&all"
                + "&limit=20";

        JsonNode firstPage = http.getJson(path, token);
        base.advance(Duration.ofDays(2)); // the bank moves on while the client pages
        List<JsonNode> rest = http.allPages(firstPage.get("_links").get("next").get("href").asString(), token);

        var ids = new java.util.ArrayList<Long>();
        firstPage.get("transactions").forEach(row -> ids.add(row.get("id").asLong()));
        rest.forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).containsExactlyElementsOf(expected);
        // a new listing sees the bank as it is now
        assertThat(http.getJson(path, token).get("total").asLong()).isGreaterThan(expected.size());
    }

    @Test
    void controlMovesTheClockAndTurnsTheKnobs() throws Exception {
        String token = http.init();
        long connection = http.connect(token, "demo", "carol");
        String list = "/sandbox/2.0/users/me/connections/" + connection + "/transactions?min_date=2000-01-01&all";
        long before = http.getJson(list, token).get("total").asLong();
        Instant then = clock.instant();

        JsonNode moved = http.ok(http.send("POST", "/sandbox/control", "", "{\"advance\":\"P1D\"}",
                "application/json"));
        assertThat(moved.get("refreshed").asInt()).isPositive();
        assertThat(Duration.between(then, Instant.parse(moved.get("now").asString())))
                .isGreaterThanOrEqualTo(Duration.ofDays(1));
        assertThat(http.getJson(list, token).get("total").asLong()).isGreaterThan(before);

        http.ok(http.send("POST", "/sandbox/control", "", "{\"rate_limit\":1,\"fault_rate\":0}", "application/json"));
        assertThat(http.get("/sandbox/2.0/users/me", token).statusCode()).isEqualTo(200);
        var refused = http.get("/sandbox/2.0/users/me", token);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        http.ok(http.send("POST", "/sandbox/control", "", "{\"rate_limit\":0,\"fault_rate\":1}", "application/json"));
        assertThat(http.get("/sandbox/2.0/users/me", token).statusCode()).isEqualTo(503);
        JsonNode reset = http.ok(http.send("POST", "/sandbox/control", "", "{\"fault_rate\":0,\"latency\":\"PT0S\"}",
                "application/json"));
        assertThat(reset.get("rate_limit").asDouble()).isZero();
        assertThat(http.get("/sandbox/2.0/users/me", token).statusCode()).isEqualTo(200);

        var bad = http.send("POST", "/sandbox/control", "", "{\"fault_rate\":2}", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(http.json.readTree(bad.body()).get("code").asString()).isEqualTo("invalidValue");
    }

    @Test
    void controlIsOffUnlessAskedFor() throws Exception {
        try (var closed = SandboxServer.run(new MutableClock(base.instant()), "--server.port=0")) {
            var answer = SandboxHttp.of(closed).send("POST", "/sandbox/control", "", "{\"advance\":\"P1D\"}",
                    "application/json");
            assertThat(answer.statusCode()).isEqualTo(404);
        }
    }
}
