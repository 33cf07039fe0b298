package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerRows;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Accounts and transactions over HTTP on seeded rows: each user sees exactly their own, in newest-first keyset pages.
 */
@FireSyncTest
class LedgerApiTests {

    static final LocalDate DAY = LocalDate.of(2026, 1, 10);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    Http http;

    NewUser alice;

    NewUser bob;

    long aliceChecking;

    long aliceSavings;

    long bobChecking;

    @BeforeEach
    void seed() {
        http = Http.local(port);
        var rows = new LedgerRows(jdbc);
        alice = users.create("alice", Role.USER);
        bob = users.create("bob", Role.ADMIN);
        long aliceBank = rows.connection(alice.id(), "Demo Bank");
        aliceChecking = rows.account(aliceBank, alice.id(), "Checking", "1250.5");
        aliceSavings = rows.account(aliceBank, alice.id(), "Savings", "10000");
        bobChecking = rows.account(rows.connection(bob.id(), "Demo Bank"), bob.id(), "Bob checking", "-12.3456");
        for (int day = 0; day < 30; day++) {
            rows.transaction(aliceChecking, alice.id(), "a" + day, DAY.minusDays(day), "-" + (day + 1) + ".10",
                    day < 3, null);
            rows.transaction(aliceSavings, alice.id(), "s" + day, DAY.minusDays(day / 2), "100", false, null);
            rows.transaction(bobChecking, bob.id(), "b" + day, DAY.minusDays(day), "-5", false, null);
        }
        rows.transaction(aliceChecking, alice.id(), "gone", DAY, "-99", false, Instant.parse("2026-01-11T00:00:00Z"));
    }

    @Test
    void eachUserSeesOnlyTheirOwnAccounts() {
        JsonNode aliceAccounts = http.get("/api/accounts", alice.token()).json().get("data");
        JsonNode bobAccounts = http.get("/api/accounts", bob.token()).json().get("data");

        assertThat(ids(aliceAccounts)).containsExactlyInAnyOrder(aliceChecking, aliceSavings);
        assertThat(ids(bobAccounts)).containsExactly(bobChecking);
        JsonNode checking = aliceAccounts.get(0);
        assertThat(checking.get("bank").asString()).isEqualTo("Demo Bank");
        assertThat(checking.get("balance").decimalValue()).isEqualByComparingTo("1250.50");
        assertThat(checking.get("currency").asString()).isEqualTo("EUR");
        assertThat(bobAccounts.get(0).get("balance").decimalValue()).isEqualByComparingTo("-12.3456");
    }

    @Test
    void pagesThroughAllOwnTransactionsNewestFirstWithoutDuplicates() {
        List<JsonNode> all = pages(alice.token(), "limit=7");

        assertThat(all).hasSize(60);
        assertThat(all.stream().map(t -> t.get("id").asLong()).distinct().count()).isEqualTo(60);
        assertThat(accountIds(all)).containsOnly(aliceChecking, aliceSavings);
        for (int i = 1; i < all.size(); i++) {
            LocalDate previous = LocalDate.parse(all.get(i - 1).get("date").asString());
            LocalDate current = LocalDate.parse(all.get(i).get("date").asString());
            assertThat(current).isBeforeOrEqualTo(previous);
        }
        assertThat(all).noneMatch(t -> t.get("originalLabel").asString().equals("Label gone"));
    }

    @Test
    void filtersByAccountDatesAndPendingState() {
        assertThat(pages(alice.token(), "accountId=" + aliceSavings)).hasSize(30)
                .allMatch(t -> t.get("accountId").asLong() == aliceSavings);
        assertThat(pages(alice.token(), "pending=true")).hasSize(3).allMatch(t -> t.get("pending").asBoolean());
        assertThat(pages(alice.token(), "pending=false")).hasSize(57);
        List<JsonNode> window = pages(alice.token(), "from=2026-01-01&to=2026-01-05&accountId=" + aliceChecking);
        assertThat(window).hasSize(5)
                .extracting(t -> t.get("date").asString())
                .containsExactly("2026-01-05", "2026-01-04", "2026-01-03", "2026-01-02", "2026-01-01");
    }

    @Test
    void searchesLabelsIgnoringCaseWithWildcardsTakenLiterally() {
        var rows = new LedgerRows(jdbc);
        rows.transaction(aliceChecking, alice.id(), "100%_off", DAY, "-1", false, null);

        assertThat(pages(alice.token(), "limit=2&search=LABEL%20A2")).extracting(t -> t.get("label").asString())
                .containsExactlyInAnyOrder("Label a2", "Label a20", "Label a21", "Label a22", "Label a23",
                        "Label a24", "Label a25", "Label a26", "Label a27", "Label a28", "Label a29");
        assertThat(pages(alice.token(), "search=%25_")).extracting(t -> t.get("label").asString())
                .containsExactly("Label 100%_off");
        assertThat(pages(alice.token(), "search=a2&accountId=" + aliceSavings)).isEmpty();
        assertThat(pages(bob.token(), "search=label%20a")).isEmpty();
        assertThat(http.get("/api/transactions?search=" + "x".repeat(101), alice.token()).json().get("detail")
                .asString()).contains("search");
    }

    @Test
    void showsTheOriginalAmountOfAForeignCurrencyTransaction() {
        var rows = new LedgerRows(jdbc);
        long abroad = rows.transaction(aliceChecking, alice.id(), "usd", DAY.plusDays(1), "-46.3", false, null);
        rows.original(abroad, "-50", "USD");

        var answer = http.get("/api/transactions?limit=2&accountId=" + aliceChecking, alice.token());
        JsonNode page = answer.json().get("data");

        JsonNode foreign = page.get(0);
        assertThat(foreign.get("id").asLong()).isEqualTo(abroad);
        assertThat(foreign.get("amount").decimalValue()).isEqualByComparingTo("-46.30");
        assertThat(foreign.get("currency").asString()).isEqualTo("EUR");
        assertThat(foreign.get("originalAmount").decimalValue()).isEqualByComparingTo("-50");
        // shown as amounts are: as many decimals as needed, at least two
        assertThat(answer.body()).contains("\"originalAmount\":-50.00,\"originalCurrency\":\"USD\"");
        assertThat(foreign.get("originalCurrency").asString()).isEqualTo("USD");
        JsonNode domestic = page.get(1);
        assertThat(domestic.has("originalAmount")).isTrue();
        assertThat(domestic.get("originalAmount").isNull()).isTrue();
        assertThat(domestic.get("originalCurrency").isNull()).isTrue();
    }

    @Test
    void refusesAnotherUsersAccountAsFilter() {
        var answer = http.get("/api/transactions?accountId=" + bobChecking, alice.token());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("account_not_found");
    }

    @Test
    void refusesAnotherUsersAccountWhateverTheOtherFilters() {
        for (String query : List.of("from=2026-01-01&to=2026-01-05", "pending=true", "from=2026-01-05&to=2026-01-01",
                "from=2000-01-01&to=2000-01-02")) {
            var answer = http.get("/api/transactions?accountId=" + bobChecking + "&" + query, alice.token());

            assertThat(answer.status()).as(query).isEqualTo(404);
            assertThat(answer.json().get("code").asString()).isEqualTo("account_not_found");
        }
    }

    @Test
    void answersAnEmptyPageForOwnAccountWithNothingMatching() {
        var answer = http.get("/api/transactions?pending=true&accountId=" + aliceSavings, alice.token());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("data").size()).isZero();
        assertThat(answer.json().get("page").get("nextCursor").isNull()).isTrue();
    }

    @Test
    void lastPageHasNoNextCursor() {
        var answer = http.get("/api/transactions?limit=500", bob.token()).json();

        assertThat(answer.get("data").size()).isEqualTo(30);
        assertThat(answer.get("page").get("nextCursor").isNull()).isTrue();
        assertThat(answer.get("page").get("limit").asInt()).isEqualTo(500);
    }

    private List<JsonNode> pages(String token, String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/transactions?" + query + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode answer = http.get(path, token).json();
            answer.get("data").forEach(all::add);
            JsonNode next = answer.get("page").get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null && all.size() < 1000);
        return all;
    }

    private static Set<Long> ids(JsonNode array) {
        Set<Long> ids = new HashSet<>();
        array.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static Set<Long> accountIds(List<JsonNode> transactions) {
        Set<Long> ids = new HashSet<>();
        transactions.forEach(node -> ids.add(node.get("accountId").asLong()));
        return ids;
    }
}
