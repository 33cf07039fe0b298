package com.firesync.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.ledger.LedgerWriter;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerRows;
import com.firesync.testing.MutableClock;
import com.firesync.testing.RollupRows;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Must-show 1: the {@link Household} fixture's figures over HTTP equal the hand results, to the cent. Today is
 * 15 Jan 2026 at the bank, so the trailing 12 complete months are the year 2025.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class HouseholdFiguresTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    LedgerWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Rollups rollups;

    Http http;

    NewUser alice;

    Household household;

    @BeforeEach
    void writeTheHousehold() {
        clock.set(Instant.parse("2026-01-15T10:00:00Z"));
        http = Http.local(port);
        alice = users.create("alice", Role.USER);
        household = new Household(writer, new LedgerRows(jdbc).connection(alice.id(), "Demo Bank"), alice.id());
        household.writeAccounts();
        household.writeYear();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void cashFlowLeavesTransfersOutOfIncomeAndExpenses() {
        JsonNode eur = currency(get("/api/analytics/cash-flow?from=2025-01-01&to=2025-12-31"), "EUR");
        // income: 11 x 3,000 + 4,500 salary + 60 interest = 37,560.00
        // expenses: 12 x (1,000 mortgage + 400 groceries + 100 utilities + 120 leisure + 180 transport) = 21,600.00
        // savings 15,960.00; rate 15,960 / 37,560 = 0.42492 -> 0.4249; 6 transfer rows a month excluded
        assertFigures(eur.get("total"), "37560.00", "21600.00", "15960.00", "0.4249", 72);
        // January: 3,000 in, 1,800 out, 1,200 saved, rate 0.4
        assertFigures(eur.get("periods").get(0), "3000.00", "1800.00", "1200.00", "0.4000", 6);
        // December: 4,560 in, 1,800 out, 2,760 saved, rate 2,760 / 4,560 = 0.60526 -> 0.6053
        assertFigures(eur.get("periods").get(11), "4560.00", "1800.00", "2760.00", "0.6053", 6);
        // USD never mixes with EUR: 1,000 in, 250 out, rate 0.75
        JsonNode usd = currency(get("/api/analytics/cash-flow?from=2025-01-01&to=2025-12-31"), "USD");
        assertFigures(usd.get("total"), "1000.00", "250.00", "750.00", "0.7500", 0);
    }

    @Test
    void fireFiguresEqualTheHandResults() {
        JsonNode eur = currency(get("/api/analytics/fire"), "EUR");
        // FI number 21,600 / 0.04 = 540,000.00; investable: savings 6,060 + PEA 2,640 = 8,700.00
        assertAmount(eur, "annualExpenses", "21600.00");
        assertAmount(eur, "annualSavings", "15960.00");
        assertAmount(eur, "fiNumber", "540000.00");
        assertAmount(eur, "investableAssets", "8700.00");
        // progress 8,700 / 540,000 = 0.016111 -> 0.0161
        assertAmount(eur, "progress", "0.0161");
        // n = ln((540,000 + 15,960/0.05) / (8,700 + 15,960/0.05)) / ln 1.05 = ln(859,200 / 327,900) / ln 1.05
        // = 0.963289 / 0.048790 = 19.7436 -> 19.74; 19.7436 x 365.25 = 7,211.3 days after 15 Jan 2026
        assertAmount(eur, "yearsToFi", "19.74");
        assertThat(eur.get("fiDate").asString()).isEqualTo("2045-10-13");
        // coast FI over the default 20 years: 540,000 / 1.05^20 = 540,000 / 2.6532977 = 203,520.32
        assertAmount(eur, "coastFiNumber", "203520.32");
        JsonNode expenses = assumption(eur, "annualExpenses");
        assertAmount(expenses, "value", "21600.00");
        assertThat(expenses.get("source").asString()).isEqualTo("measured");
        assertThat(expenses.get("from").asString() + ".." + expenses.get("to").asString())
                .isEqualTo("2025-01-01..2025-12-31");
        assertAmount(assumption(eur, "withdrawalRate"), "value", "0.04");
        assertThat(assumption(eur, "withdrawalRate").get("source").asString()).isEqualTo("default");

        JsonNode usd = currency(get("/api/analytics/fire"), "USD");
        // 250 / 0.04 = 6,250.00, nothing invested; n = ln((6,250 + 15,000) / 15,000) / ln 1.05 = 7.1389 -> 7.14
        assertAmount(usd, "fiNumber", "6250.00");
        assertAmount(usd, "yearsToFi", "7.14");
        assertAmount(usd, "progress", "0.0000");
        // 6,250 / 1.05^20 = 2,355.56
        assertAmount(usd, "coastFiNumber", "2355.56");
    }

    @Test
    void givenValuesReplaceMeasuredOnesAndAreEchoedAsGiven() {
        JsonNode eur = currency(get("/api/analytics/fire?withdrawalRate=0.05&annualExpenses=30000"
                + "&annualSavings=0&realReturn=0&coastYears=0"), "EUR");
        // 30,000 / 0.05 = 600,000.00; no return and no contribution: never; coast over 0 years is the FI number
        assertAmount(eur, "fiNumber", "600000.00");
        assertThat(eur.get("yearsToFi").isNull()).isTrue();
        assertAmount(eur, "coastFiNumber", "600000.00");
        assertAmount(assumption(eur, "annualExpenses"), "value", "30000");
        assertThat(assumption(eur, "annualExpenses").get("source").asString()).isEqualTo("given");
    }

    @Test
    void netWorthFollowsTheReconstructedBalances() {
        JsonNode series = currency(get("/api/analytics/net-worth?from=2025-06-01&to=2025-12-31&interval=month"),
                "EUR").get("series");
        // 30 Jun 2025: checking 1,000 + 6 x 500 = 4,000; savings 6,060 - 6 x 500 - 60 = 3,000;
        // PEA 2,640 - 6 x 200 = 1,440; card 0; loan -150,000 - 6 x 400 = -152,400
        JsonNode june = series.get(0);
        assertThat(june.get("date").asString()).isEqualTo("2025-06-30");
        assertAmount(june, "assets", "8440.00");
        assertAmount(june, "liabilities", "152400.00");
        assertAmount(june, "netWorth", "-143960.00");
        assertAmount(june.get("byType"), "loan", "-152400.00");
        // 31 Dec 2025: 8,500 + 6,060 + 2,640 = 17,200 against the loan's 150,000
        JsonNode december = series.get(6);
        assertThat(december.get("date").asString()).isEqualTo("2025-12-31");
        assertAmount(december, "assets", "17200.00");
        assertAmount(december, "netWorth", "-132800.00");
        // 20 Jun 2025, between card purchases and the settlement: the card owes 300
        JsonNode day = currency(get("/api/analytics/net-worth?from=2025-06-20&to=2025-06-20&interval=day"), "EUR")
                .get("series").get(0);
        assertAmount(day.get("byType"), "card", "-300.00");
    }

    @Test
    void spendingSplitsByCategoryWithMonthlyAverages() {
        JsonNode eur = currency(get("/api/analytics/spending?from=2025-01-01&to=2025-12-31&by=category"), "EUR");
        // 21,600 over 12 months = 1,800.00 a month; mortgage first: 12,000, 1,000.00 a month
        assertAmount(eur, "total", "21600.00");
        assertAmount(eur, "monthlyAverage", "1800.00");
        JsonNode first = eur.get("parts").get(0);
        assertThat(first.get("categoryId").asLong()).isEqualTo(10);
        assertAmount(first, "total", "12000.00");
        assertAmount(first, "monthlyAverage", "1000.00");
        assertThat(eur.get("parts")).hasSize(5);
        JsonNode byMonth = currency(get("/api/analytics/spending?from=2025-01-01&to=2025-12-31&by=month"), "EUR");
        assertThat(byMonth.get("parts").get(0).get("month").asString()).isEqualTo("2025-01");
        assertAmount(byMonth.get("parts").get(0), "total", "1800.00");
    }

    @Test
    void transactionsShowTheirTransferPair() {
        // transfers are marked on the roll-ups' worker, after the writes commit
        rollups.settle(alice.id(), true);
        JsonNode rows = get("/api/transactions?from=2025-03-05&to=2025-03-06&limit=10");
        JsonNode credit = rows.get(0);
        JsonNode debit = rows.get(1);
        assertThat(credit.get("amount").decimalValue()).isEqualByComparingTo("500");
        assertThat(debit.get("amount").decimalValue()).isEqualByComparingTo("-500");
        assertThat(credit.get("transfer").get("pairId").asLong()).isEqualTo(debit.get("id").asLong());
        assertThat(debit.get("transfer").get("pairId").asLong()).isEqualTo(debit.get("id").asLong());
        assertThat(debit.get("transfer").get("counterpartAccountId").asLong())
                .isEqualTo(household.ids.get("savings"));
        assertThat(credit.get("transfer").get("counterpartAccountId").asLong())
                .isEqualTo(household.ids.get("checking"));
    }

    @Test
    void projectionAtZeroVolatilityIsTheClosedFormAndASeedRepeats() {
        JsonNode years = currency(get("/api/analytics/fire/projection?years=25&runs=50&volatility=0"), "EUR")
                .get("years");
        // year 1: 8,700 x 1.05 + 15,960 = 25,095.00; year 2: 25,095 x 1.05 + 15,960 = 42,309.75
        assertAmount(years.get(0), "p10", "25095.00");
        assertAmount(years.get(0), "p90", "25095.00");
        assertAmount(years.get(1), "p50", "42309.75");
        for (int year = 1; year <= 25; year++) {
            double closed = Growth.after(8700, 15960, 0.05, year);
            assertAmount(years.get(year - 1), "p50", Cents.of(closed).toPlainString());
        }
        // FI reached after 19.74 years: none of the runs by year 19, all by year 20
        assertAmount(years.get(18), "probabilityFi", "0.0000");
        assertAmount(years.get(19), "probabilityFi", "1.0000");

        String once = get("/api/analytics/fire/projection?years=30&runs=2000&seed=7&volatility=0.2").toString();
        assertThat(get("/api/analytics/fire/projection?years=30&runs=2000&seed=7&volatility=0.2").toString())
                .isEqualTo(once);
        assertThat(get("/api/analytics/fire/projection?years=30&runs=2000&seed=8&volatility=0.2").toString())
                .isNotEqualTo(once);
    }

    @Test
    void aUserWithNoDataGetsEmptySeries() {
        NewUser bob = users.create("bob", Role.USER);
        for (String route : new String[]{"net-worth", "cash-flow", "spending", "fire", "fire/projection"}) {
            var answer = http.get("/api/analytics/" + route, bob.token());
            assertThat(answer.status()).as(route).isEqualTo(200);
            JsonNode data = answer.json().get("data");
            assertThat(data.isArray() ? data : data.get("currencies")).as(route).isEmpty();
        }
    }

    @Test
    void badParametersAreProblems() {
        for (String query : new String[]{"fire?withdrawalRate=0", "fire?withdrawalRate=1.5",
                "fire?withdrawalRate=abc", "fire/projection?runs=50001", "fire/projection?years=0",
                "net-worth?from=2025-02-01&to=2025-01-01", "net-worth?interval=year", "cash-flow?interval=week",
                "spending?by=shop", "cash-flow?from=yesterday", "net-worth?from=1900-01-01&interval=day"}) {
            var answer = http.get("/api/analytics/" + query, alice.token());
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void incrementalRollupsEqualARebuildAfterChanges() {
        // a grocery row deleted, a pending card payment booked, a transfer leg moved out of the window
        ProviderTransaction groceries = Household.row("checking", LocalDate.of(2025, 4, 10), "-400.00", 20L, null);
        household.write("checking", "EUR",
                List.of(changed(groceries, groceries.date(), false, Instant.parse("2026-01-15T09:00:00Z"))));
        ProviderTransaction late = Household.row("card", LocalDate.of(2025, 12, 30), "-45.00", 40L, null);
        household.write("card", "EUR", List.of(changed(late, late.date(), true, null)));
        household.write("card", "EUR", List.of(late));
        ProviderTransaction deposit = Household.row("pea", LocalDate.of(2025, 8, 22), "200.00", null, null);
        household.write("pea", "EUR", List.of(changed(deposit, LocalDate.of(2025, 8, 30), false, null)));
        rollups.settle(alice.id(), true);
        RollupRows before = RollupRows.read(jdbc, alice.id());
        assertThat(before.transfers()).hasSize(12 * 3 - 1);

        rollups.rebuild(alice.id());

        assertThat(RollupRows.read(jdbc, alice.id())).isEqualTo(before);
    }

    @Test
    void aUsersTurnIsForgottenOnceNoThreadSettlesForThem() {
        ProviderTransaction groceries = Household.row("checking", LocalDate.of(2025, 4, 10), "-400.00", 20L, null);
        household.write("checking", "EUR", List.of(changed(groceries, groceries.date(), false, null)));
        ProviderTransaction deposit = Household.row("pea", LocalDate.of(2025, 8, 22), "200.00", null, null);

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                boolean waitForTurn = i % 2 == 0;
                threads.submit(() -> rollups.settle(alice.id(), waitForTurn));
            }
            threads.submit(() -> household.write("pea", "EUR",
                    List.of(changed(deposit, LocalDate.of(2025, 8, 30), false, null))));
        }
        rollups.settle(alice.id(), true);

        // the worker may still be in a pass of its own for a moment after the writes
        await().atMost(Duration.ofSeconds(10)).until(() -> rollups.turnsHeld() == 0);
        RollupRows settled = RollupRows.read(jdbc, alice.id());
        rollups.rebuild(alice.id());
        assertThat(RollupRows.read(jdbc, alice.id())).isEqualTo(settled);
        assertThat(rollups.turnsHeld()).isZero();
    }

    @Test
    void aMarkMovedOffADayTheWriteDidNotTouchIsRolledUpThere() {
        rollups.settle(alice.id(), true);
        // July's savings leg is booked on the 6th, a day after its debit; a second leg on the 5th is nearer, so the
        // debit's mark moves to it and the leg of the 6th (a day no row of this write lies on) becomes income
        household.write("savings", "EUR",
                List.of(Household.row("savings", LocalDate.of(2025, 7, 5), "500.00", null, Household.CHECKING_IBAN)));
        rollups.settle(alice.id(), true);
        RollupRows kept = RollupRows.read(jdbc, alice.id());
        long savings = household.ids.get("savings");
        List<BigDecimal> july6 = jdbc.sql("SELECT income, transfers FROM account_days"
                + " WHERE account_id = :account AND booked_on = :day")
                .param("account", savings)
                .param("day", LocalDate.of(2025, 7, 6))
                .query((rs, row) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .single();
        assertThat(july6.get(0)).isEqualByComparingTo("500.00");
        assertThat(july6.get(1)).isEqualByComparingTo("0");

        rollups.rebuild(alice.id());

        assertThat(RollupRows.read(jdbc, alice.id())).isEqualTo(kept);
    }

    @Test
    void aChangeOfMoreAmountsThanOneStatementNamesIsMarkedAsARebuildMarksIt() {
        rollups.settle(alice.id(), true);
        int pairsBefore = RollupRows.read(jdbc, alice.id()).transfers().size();
        // one write of more distinct amounts than a re-marking names (re-marked whatever their amount), a twentieth of
        // them moved to savings a day later
        List<ProviderTransaction> debits = new ArrayList<>();
        List<ProviderTransaction> credits = new ArrayList<>();
        for (int i = 0; i < PendingChange.MAX_AMOUNTS + 100; i++) {
            LocalDate day = LocalDate.of(2025, 1, 2).plusDays(i % 360);
            String amount = BigDecimal.valueOf(1_000 + i, 2).toPlainString();
            debits.add(Household.row("checking", day, "-" + amount, null, null));
            if (i % 20 == 0) {
                credits.add(Household.row("savings", day.plusDays(1), amount, null, null));
            }
        }
        household.write("savings", "EUR", credits);
        household.write("checking", "EUR", debits);
        rollups.settle(alice.id(), true);
        RollupRows kept = RollupRows.read(jdbc, alice.id());
        assertThat(kept.transfers()).hasSize(pairsBefore + credits.size());

        rollups.rebuild(alice.id());

        assertThat(RollupRows.read(jdbc, alice.id())).isEqualTo(kept);
    }

    private static ProviderTransaction changed(ProviderTransaction row, LocalDate date, boolean pending,
            @Nullable Instant deleted) {
        return new ProviderTransaction(row.id(), row.accountId(), date, null, null, null, row.amount(), null,
                row.wording(), row.originalWording(), null, row.type(), pending, deleted, null, null, null, null,
                row.categoryId(), row.counterpartyIban());
    }

    private JsonNode get(String path) {
        var answer = http.get(path, alice.token());
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        return data.has("currencies") ? data.get("currencies") : data;
    }

    private static JsonNode currency(JsonNode currencies, String code) {
        for (JsonNode node : currencies) {
            if (node.get("currency").asString().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no " + code + " in " + currencies);
    }

    private static JsonNode assumption(JsonNode figures, String name) {
        for (JsonNode node : figures.get("assumptions")) {
            if (node.get("name").asString().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no assumption " + name + " in " + figures);
    }

    private static void assertFigures(JsonNode figures, String income, String expenses, String savings,
            String rate, int transfers) {
        assertAmount(figures, "income", income);
        assertAmount(figures, "expenses", expenses);
        assertAmount(figures, "savings", savings);
        assertAmount(figures, "savingsRate", rate);
        assertThat(figures.get("transfersExcluded").asInt()).isEqualTo(transfers);
    }

    private static void assertAmount(JsonNode node, String field, String expected) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        assertThat(new BigDecimal(node.get(field).asString())).as(field + " in " + node)
                .isEqualByComparingTo(expected);
    }
}
