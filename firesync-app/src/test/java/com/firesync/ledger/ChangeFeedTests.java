package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerRows;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The change feed over HTTP on rows written by the ledger writer: added, modified once in the latest form, removed,
 * in pages, each user's own, with clear refusals of cursors it cannot serve.
 */
@FireSyncTest
class ChangeFeedTests {

    static final LocalDateTime UPDATED = LocalDateTime.of(2026, 1, 10, 9, 30);

    @LocalServerPort
    int port;

    @Autowired
    LedgerWriter writer;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    Http http;

    NewUser alice;

    long account;

    @BeforeEach
    void seed() {
        http = Http.local(port);
        alice = users.create("alice", Role.USER);
        long connection = new LedgerRows(jdbc).connection(alice.id(), "Demo Bank");
        account = writer.writeAccounts(connection, alice.id(), List.of(account())).get("1");
    }

    @Test
    void readsEveryTransactionFromNoCursorInSmallPages() {
        List<ProviderTransaction> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(transaction("t" + i, "-" + i + ".25", null));
        }
        writer.writeTransactions(account, alice.id(), "EUR", batch);

        List<Long> added = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            JsonNode page = changes(alice, cursor, 10);
            page.get("added").forEach(row -> added.add(row.get("id").asLong()));
            assertThat(page.get("modified")).isEmpty();
            cursor = page.get("nextCursor").asString();
            more = page.get("hasMore").asBoolean();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(added).hasSize(25).doesNotHaveDuplicates();
        assertThat(changes(alice, cursor, 10).get("added")).isEmpty();
    }

    @Test
    void aRowChangedTwiceSinceTheCursorComesOnceInItsLatestFormAndRemovalsNameTheRow() {
        writer.writeTransactions(account, alice.id(), "EUR",
                List.of(transaction("a", "-1", null), transaction("b", "-2", null), transaction("c", "-3", null)));
        String cursor = changes(alice, null, 100).get("nextCursor").asString();

        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("a", "-10", null)));
        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("a", "-11", null)));
        writer.writeTransactions(account, alice.id(), "EUR",
                List.of(transaction("b", "-2", Instant.parse("2026-01-10T10:00:00Z")), transaction("d", "-4", null)));
        JsonNode page = changes(alice, cursor, 100);

        assertThat(page.get("modified")).hasSize(1);
        assertThat(page.get("modified").get(0).get("amount").decimalValue()).isEqualByComparingTo("-11");
        assertThat(page.get("added")).hasSize(1);
        assertThat(page.get("added").get(0).get("label").asString()).isEqualTo("Label d");
        assertThat(page.get("removed")).hasSize(1);
        assertThat(page.get("removed").get(0).get("accountId").asLong()).isEqualTo(account);
        assertThat(page.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aRowAddedAndRemovedBetweenTwoReadsIsNotReported() {
        String cursor = changes(alice, null, 100).get("nextCursor").asString();
        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("x", "-1", null)));
        writer.writeTransactions(account, alice.id(), "EUR",
                List.of(transaction("x", "-1", Instant.parse("2026-01-10T10:00:00Z"))));

        JsonNode page = changes(alice, cursor, 100);

        assertThat(page.get("added")).isEmpty();
        assertThat(page.get("removed")).isEmpty();
    }

    @Test
    void anotherUserSeesNoneOfTheRows() {
        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("a", "-1", null)));
        NewUser bob = users.create("bob", Role.USER);
        String aliceCursor = changes(alice, null, 100).get("nextCursor").asString();

        assertThat(changes(bob, null, 100).get("added")).isEmpty();
        assertThat(changes(bob, ChangeCursor.START.encode(), 100).get("added")).isEmpty();
        assertThat(changes(bob, aliceCursor, 100).get("added")).isEmpty();
    }

    @Test
    void refusesACursorThatIsNotOneAsInvalid() {
        for (String bad : Set.of("nope", "dDE6MjAyNi0wMS0wOTo1", "YzE6LTE6MA", "x".repeat(100))) {
            var answer = http.get("/api/changes?cursor=" + bad, alice.token());
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).isEqualTo("cursor_invalid");
        }
        for (String limit : List.of("0", "501", "ten")) {
            assertThat(http.get("/api/changes?limit=" + limit, alice.token()).status()).isEqualTo(400);
        }
    }

    @Test
    void refusesACursorFromBeforeRowsWereDeletedOutrightAsExpired() {
        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("a", "-1", null)));
        String cursor = changes(alice, null, 100).get("nextCursor").asString();

        writer.expireChangeCursors(alice.id());
        var answer = http.get("/api/changes?cursor=" + cursor, alice.token());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("cursor_expired");
        assertThat(changes(alice, null, 100).get("added")).hasSize(1);
    }

    @Test
    void eachWriteThatChangesRowsIsLoggedWithTheCursorAfterIt() {
        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("a", "-1", null)));
        writer.writeTransactions(account, alice.id(), "EUR", List.of(transaction("a", "-1", null)));

        List<String> logged = jdbc.sql("SELECT data FROM event_log WHERE type = 'transactions.changed'")
                .query(String.class)
                .list();

        assertThat(logged).hasSize(1);
        String cursor = logged.getFirst().replaceAll(".*\"cursor\":\"([^\"]+)\".*", "$1");
        assertThat(changes(alice, cursor, 100).get("added")).isEmpty();
        assertThat(changes(alice, null, 100).get("nextCursor").asString()).isNotEqualTo(cursor);
    }

    private JsonNode changes(NewUser user, @Nullable String cursor, int limit) {
        var answer = http.get("/api/changes?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                user.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("data");
    }

    private static ProviderAccount account() {
        return new ProviderAccount("1", "c1", "Checking", "CHECKING", "checking", "123", "FR76 0000", "EUR",
                new BigDecimal("10"), null, null, null, null, UPDATED);
    }

    private static ProviderTransaction transaction(String id, String amount, @Nullable Instant deleted) {
        return new ProviderTransaction(id, "1", LocalDate.of(2026, 1, 9), null, null, null, new BigDecimal(amount),
                null, "Label " + id, "RAW " + id, "Simple " + id, "card", false, deleted, null, UPDATED, null, null);
    }
}
