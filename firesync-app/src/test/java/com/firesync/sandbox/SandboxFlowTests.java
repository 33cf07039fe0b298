package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.world.ConnectionLedger;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A Powens-style client flow over real HTTP against the standalone sandbox, compared with the world's expected
 * ledger.
 */
class SandboxFlowTests {

    /** Three days before the spring DST change in Paris, so the clock crosses it. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-26T10:15:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.history=P60D",
            "--firesync.sandbox.refresh-interval=0s");

    private static SandboxHttp http;

    private static SandboxWorld world;

    @BeforeAll
    static void connect() throws Exception {
        http = SandboxHttp.of(sandbox.context());
        world = sandbox.context().getBean(SandboxWorld.class);
    }

    @Test
    void fullFlowMatchesTheExpectedLedger() throws Exception {
        String token = http.init();
        var page = http.get("/sandbox/webview/en/connect" + SandboxHttp.webviewQuery(http.code(token), "x"), "");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Bank", "Test Bank", "name=\"login\"");
        long connectionId = http.connect(token, "demo", "alice");

        JsonNode connections = http.getJson("/sandbox/2.0/users/me/connections", token);
        assertThat(connections.get("connections")).hasSize(1);
        assertThat(connections.get("connections").get(0).get("id").asLong()).isEqualTo(connectionId);
        assertThat(connections.get("connections").get(0).get("state").isNull()).isTrue();

        ConnectionLedger expected = world.expectedLedger(connectionId, clock.instant());
        JsonNode accounts = http.getJson("/sandbox/2.0/users/me/accounts", token);
        assertThat(balances(accounts)).isEqualTo(expected.accounts()
                .stream()
                .collect(Collectors.toMap(LedgerAccount::id, a -> PowensJson.amount(a.balanceCents()))));
        List<JsonNode> rows = http.allPages("/sandbox/2.0/users/me/transactions?min_date=2000-01-01&limit=97",
                token);
        assertThat(signatures(rows)).isEqualTo(signatures(expected.liveTransactions()));
        assertThat(rows).hasSizeGreaterThan(97 * 3);
        // some card payments were made abroad: EUR value, foreign original value and currency object
        assertThat(rows).filteredOn(row -> !row.get("original_value").isNull()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("original_currency").get("id").asString()).isIn("USD", "GBP", "CHF");
            assertThat(row.get("type").asString()).isIn("card", "deferred_card");
            assertThat(row.get("original_value").decimalValue().signum()).isEqualTo(row.get("value").decimalValue()
                    .signum());
        });
        assertThat(rows).filteredOn(row -> row.get("original_value").isNull())
                .allSatisfy(row -> assertThat(row.get("original_currency").isNull()).isTrue());
    }

    @Test
    void advancingTheClockShowsNewChangedBookedAndDeletedRowsThroughLastUpdate() throws Exception {
        String token = http.init();
        long connectionId = http.connect(token, "test", "churn");
        Map<Long, JsonNode> local = new HashMap<>();
        http.allPages("/sandbox/2.0/users/me/transactions?min_date=2000-01-01&all&limit=500", token)
                .forEach(row -> local.put(row.get("id").asLong(), row));
        String cursor = local.values().stream().map(r -> r.get("last_update").asString()).max(String::compareTo)
                .orElseThrow();

        clock.advance(Duration.ofDays(4).plusHours(3));
        List<JsonNode> changes = http.allPages("/sandbox/2.0/users/me/transactions?all&limit=100&last_update="
                + SandboxHttp.encode(cursor), token);

        assertThat(changes).allSatisfy(row -> assertThat(row.get("last_update").asString()).isGreaterThan(cursor));
        assertThat(changes).anyMatch(row -> !local.containsKey(row.get("id").asLong()));
        assertThat(changes).anyMatch(row -> local.containsKey(row.get("id").asLong())
                && local.get(row.get("id").asLong()).get("coming").asBoolean() && !row.get("coming").asBoolean());
        assertThat(changes).anyMatch(row -> local.containsKey(row.get("id").asLong())
                && !local.get(row.get("id").asLong()).get("value").equals(row.get("value")));
        assertThat(changes).anyMatch(row -> !row.get("deleted").isNull());
        assertThat(changes).anyMatch(row -> !row.get("deleted").isNull()
                && changes.stream().anyMatch(other -> other.get("id").asLong() == row.get("id").asLong() + 50));
        changes.forEach(row -> local.put(row.get("id").asLong(), row));
        assertThat(signatures(List.copyOf(local.values())))
                .isEqualTo(signatures(world.expectedLedger(connectionId, clock.instant()).transactions()));
    }

    @Test
    void answersValidateAgainstThePowensSchemas() throws Exception {
        String token = http.init();
        http.connect(token, "demo", "carol");
        PowensSpec spec = PowensSpec.get();
        for (String path : List.of("/sandbox/2.0/users/me/connections?expand=connector",
                "/sandbox/2.0/users/me/accounts",
                "/sandbox/2.0/users/me/transactions?limit=5")) {
            var answer = http.get(path, token);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(spec.violations("GET", path, answer)).as(path).isEmpty();
        }
        var refused = http.get("/sandbox/2.0/users/me/accounts", "nope");
        assertThat(spec.violations("GET", "/sandbox/2.0/users/me/accounts", refused)).isEmpty();
        JsonNode month = http.getJson("/sandbox/2.0/users/me/transactions?limit=1000", token);
        List<JsonNode> abroad = new ArrayList<>();
        month.get("transactions").forEach(row -> {
            if (!row.get("original_value").isNull()) {
                abroad.add(row);
            }
        });
        assertThat(abroad).as("payments abroad with their original amount and currency").isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("original_currency").get("id").asString()).isIn("USD", "GBP",
                        "CHF"));
        assertThat(spec.violations("GET", "/sandbox/2.0/users/me/transactions?limit=1000",
                http.get("/sandbox/2.0/users/me/transactions?limit=1000", token))).isEmpty();
    }

    private static Map<Long, BigDecimal> balances(JsonNode accounts) {
        Map<Long, BigDecimal> balances = new HashMap<>();
        accounts.get("accounts").forEach(a -> balances.put(a.get("id").asLong(), money(a.get("balance"))));
        return balances;
    }

    private static BigDecimal money(JsonNode value) {
        return value.decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    private static Set<String> signatures(List<?> rows) {
        return rows.stream().map(row -> row instanceof JsonNode node
                ? signature(node)
                : signature((LedgerTransaction) row)).collect(Collectors.toSet());
    }

    private static String signature(JsonNode row) {
        return String.join("|", row.get("id").asString(), row.get("id_account").asString(),
                row.get("date").asString(), money(row.get("value")).toPlainString(),
                row.get("coming").asString(), row.get("original_wording").asString(),
                row.get("last_update").asString(), row.get("deleted").isNull() ? "-" : row.get("deleted").asString(),
                row.get("original_value").isNull() ? "-" : money(row.get("original_value")).toPlainString(),
                row.get("original_currency").isNull() ? "-" : row.get("original_currency").get("id").asString());
    }

    private static String signature(LedgerTransaction row) {
        return String.join("|", Long.toString(row.id()), Long.toString(row.accountId()), row.date().toString(),
                PowensJson.amount(row.valueCents()).toPlainString(), Boolean.toString(row.coming()),
                row.originalWording(), PowensJson.timestamp(row.lastUpdate()),
                row.deleted() == null ? "-" : PowensJson.timestamp(row.deleted()),
                row.original() == null ? "-" : PowensJson.amount(row.original().cents()).toPlainString(),
                row.original() == null ? "-" : row.original().currency());
    }
}
