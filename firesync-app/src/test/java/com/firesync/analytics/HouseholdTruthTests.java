package com.firesync.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.world.NetWorth;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, must-show 2: the Demo Bank household (checking, Livret A, deferred-debit card, investment account and, for
 * most households, a mortgage), backfilled over two years and then synced every three days for 90 days: FireSync's
 * net worth at every month end equals the sandbox world's own balances, and its income and expenses per month (so
 * its savings rate) equal the world's, whose transfers are known rather than detected.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.refresh-interval=0s", "firesync.sync.backfill=P800D"})
class HouseholdTruthTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @DynamicPropertySource
    static void wholeHousehold(DynamicPropertyRegistry registry) {
        registry.add("firesync.sandbox.accounts-per-connection", () -> "5");
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxWorld world;

    @Test
    void netWorthAndCashFlowEqualTheHouseholdsOwn() {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        long connectionId = new WebviewDriver(http).connect(alice.token(), "demo", "alice", "secret").json()
                .get("data").get("connectionIds").get(0).asLong();
        Background.awaitQuiet(jdbc);
        for (int step = 0; step < 30; step++) {
            clock.advance(Duration.ofDays(3));
            JsonNode outcome = http.postJson("/api/sync/intelligent/connection/" + connectionId + "?force=true",
                    alice.token(), "").json().get("data");
            assertThat(outcome.get("decision").asString()).as(outcome.toString()).isEqualTo("synced");
            // the bank's webhook for that refresh is applied before the next step
            Background.awaitQuiet(jdbc);
        }
        Background.awaitQuiet(jdbc);
        long providerId = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id")
                .param("id", connectionId).query(String.class).single());
        SandboxConnection bank = world.connection(providerId).orElseThrow();
        assertThat(bank.accountIds()).as("the whole household").hasSizeGreaterThanOrEqualTo(4);
        YearMonth first = YearMonth.from(world.firstDay(bank)).plusMonths(1);
        YearMonth last = YearMonth.from(clock.instant().atZone(PARIS)).minusMonths(1);

        JsonNode netWorth = http.get("/api/analytics/net-worth?from=" + first.atDay(1) + "&to=" + last.atEndOfMonth()
                + "&interval=month", alice.token()).json().get("data").get("currencies").get(0).get("series");
        List<String> differences = new ArrayList<>();
        for (JsonNode point : netWorth) {
            LocalDate day = LocalDate.parse(point.get("date").asString());
            NetWorth truth = world.netWorthOn(bank, day);
            compare(differences, day + " net worth", point.get("netWorth"), truth.netWorthCents());
            compare(differences, day + " assets", point.get("assets"), truth.assetsCents());
        }
        assertThat(netWorth.size()).as("month ends").isGreaterThanOrEqualTo(24);

        JsonNode months = http.get("/api/analytics/cash-flow?from=" + first.atDay(1) + "&to=" + last.atEndOfMonth()
                + "&interval=month", alice.token()).json().get("data").get("currencies").get(0).get("periods");
        for (JsonNode period : months) {
            YearMonth month = YearMonth.from(LocalDate.parse(period.get("from").asString()));
            var truth = world.cashFlow(bank, month);
            compare(differences, month + " income", period.get("income"), truth.incomeCents());
            compare(differences, month + " expenses", period.get("expenses"), truth.expensesCents());
        }
        assertThat(months.size()).as("months").isGreaterThanOrEqualTo(24);
        assertThat(differences).isEmpty();

        // ranges cut inside months (whole months read by month, their edges by day) add up to the whole
        LocalDate from = first.atDay(1);
        LocalDate to = last.atEndOfMonth();
        JsonNode whole = cashFlowTotal(http, alice.token(), from, to);
        for (LocalDate cut : List.of(from.plusDays(16), from.plusMonths(7).withDayOfMonth(9), to.minusDays(3))) {
            JsonNode left = cashFlowTotal(http, alice.token(), from, cut);
            JsonNode right = cashFlowTotal(http, alice.token(), cut.plusDays(1), to);
            for (String figure : List.of("income", "expenses")) {
                assertThat(left.get(figure).decimalValue().add(right.get(figure).decimalValue()))
                        .as(figure + " cut after " + cut).isEqualByComparingTo(whole.get(figure).decimalValue());
            }
        }
        LocalDate middleFrom = from.plusDays(11);
        LocalDate middleTo = to.minusMonths(2).withDayOfMonth(20);
        BigDecimal expenses = cashFlowTotal(http, alice.token(), middleFrom, middleTo).get("expenses").decimalValue();
        for (String by : List.of("category", "month")) {
            JsonNode spent = http.get("/api/analytics/spending?by=" + by + "&from=" + middleFrom + "&to=" + middleTo,
                    alice.token()).json().get("data").get("currencies").get(0);
            assertThat(spent.get("total").decimalValue()).as("spending by " + by).isEqualByComparingTo(expenses);
            BigDecimal parts = BigDecimal.ZERO;
            for (JsonNode part : spent.get("parts")) {
                parts = parts.add(part.get("total").decimalValue());
            }
            assertThat(parts).as("spending by " + by + ", its parts").isEqualByComparingTo(expenses);
        }
    }

    private static JsonNode cashFlowTotal(Http http, String token, LocalDate from, LocalDate to) {
        return http.get("/api/analytics/cash-flow?from=" + from + "&to=" + to, token).json().get("data")
                .get("currencies").get(0).get("total");
    }

    private static void compare(List<String> differences, String what, JsonNode actual, long expectedCents) {
        BigDecimal expected = BigDecimal.valueOf(expectedCents, 2);
        BigDecimal value = actual.decimalValue();
        if (value.compareTo(expected) != 0) {
            differences.add(what + ": " + value + " instead of " + expected);
        }
    }
}
