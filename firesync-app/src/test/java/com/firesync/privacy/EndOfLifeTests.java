package com.firesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ProviderIdentities;
import com.firesync.shared.Role;
import com.firesync.shared.Sha256;
import com.firesync.testing.Background;
import com.firesync.testing.DatabaseScan;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A connection's end of life over HTTP, against the in-app sandbox and the real database: deleting a connection (at
 * the provider, then everything about it, or keeping its history archived), retrying a deletion the provider
 * refuses, erasing a user, exporting a user's data. Bob holds two connections and Alice one; ids are made
 * distinctive (identities restarted at ten-digit values) so that a scan of every cell of every table can look for
 * them without mistaking a count for an id.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.schedule.polling-interval=100ms", "firesync.sandbox.history=P20D",
        "firesync.sync.backfill=P30D", "firesync.sandbox.refresh-interval=0s", "firesync.sandbox.control=true"})
class EndOfLifeTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MutableClock clock;

    @Autowired
    Scheduler scheduler;

    @Autowired
    ConnectionLifecycle lifecycle;

    @Autowired
    ProviderIdentities identities;

    Http http;

    NewUser admin;

    NewUser alice;

    NewUser bob;

    long alicesConnection;

    @BeforeEach
    void twoUsersWithBanks() {
        http = Http.local(port);
        long base = 5_000_000_000L;
        for (String table : List.of("users", "connections", "accounts", "transactions", "sync_runs", "api_tokens")) {
            base += 100_000_000L;
            jdbc.sql("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + base).update();
        }
        admin = accounts.create("admin", Role.ADMIN);
        bob = accounts.create("bob-" + UUID.randomUUID(), Role.USER);
        alice = accounts.create("alice-" + UUID.randomUUID(), Role.USER);
        link(bob);
        link(bob);
        alicesConnection = link(alice);
        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NOT NULL") >= 3);
        Background.awaitQuiet(jdbc);
    }

    @Test
    void deletingAConnectionDeletesItAtTheProviderAndLeavesNothingOfIt() {
        Needles needles = connectionNeedles(alicesConnection);
        var scan = new DatabaseScan(dataSource);
        assertThat(scan.find(needles.distinctive(), needles.exact())).as("the scan sees the connection first")
                .anyMatch(cell -> cell.startsWith("connections."))
                .anyMatch(cell -> cell.startsWith("accounts."))
                .anyMatch(cell -> cell.startsWith("transactions."))
                .anyMatch(cell -> cell.startsWith("sync_runs."))
                .anyMatch(cell -> cell.startsWith("webhook_inbox."));
        long bobsTransactions = count("SELECT COUNT(*) FROM transactions WHERE user_id = " + bob.id());
        long deletedBefore = stats("connections_deleted");

        Answer answer = http.send("DELETE", "/api/connections/" + alicesConnection, alice.token());

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("data").get("status").asString()).isEqualTo("deleting");
        await().atMost(WAIT).until(() -> stats("connections_deleted") == deletedBefore + 1
                && count("SELECT COUNT(*) FROM connections WHERE id = " + alicesConnection) == 0);
        Background.awaitQuiet(jdbc);
        assertThat(scan.tables()).contains("webhook_inbox", "event_publication", "scheduled_tasks", "sync_runs");
        assertThat(scan.find(needles.distinctive(), needles.exact())).as("cells mentioning the deleted connection")
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM transactions WHERE user_id = " + bob.id())).isEqualTo(
                bobsTransactions);
        assertThat(http.get("/api/accounts", alice.token()).json().get("data").size()).isZero();
    }

    @Test
    void aDeletionTheProviderRefusesTwiceIsRetriedUntilDoneAndTheConnectionStaysInvisible() {
        assertThat(http.postJson("/sandbox/control/deletions", null, "{\"fail_next\":2}").status()).isEqualTo(200);
        long deletedBefore = stats("connections_deleted");
        long refusedBefore = stats("deletions_refused");
        long runsBefore = count("SELECT COUNT(*) FROM sync_runs WHERE connection_id = " + alicesConnection);

        assertThat(http.send("DELETE", "/api/connections/" + alicesConnection, alice.token()).status())
                .isEqualTo(202);

        await().atMost(WAIT).until(() -> stats("deletions_refused") == refusedBefore + 1);
        assertInvisible(alicesConnection);
        advance(EndOfLifeTasksDelays.FIRST);
        await().atMost(WAIT).until(() -> stats("deletions_refused") == refusedBefore + 2);
        assertInvisible(alicesConnection);
        assertThat(count("SELECT COUNT(*) FROM sync_runs WHERE connection_id = " + alicesConnection))
                .as("no sync touched it meanwhile").isEqualTo(runsBefore);
        assertThat(stats("connections_deleted")).isEqualTo(deletedBefore);
        advance(EndOfLifeTasksDelays.SECOND);
        await().atMost(WAIT).until(() -> stats("connections_deleted") == deletedBefore + 1
                && count("SELECT COUNT(*) FROM connections WHERE id = " + alicesConnection) == 0);
        assertThat(count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'deleteConnection'")).isZero();
    }

    @Test
    void keepingHistoryArchivesAccountsAndTransactionsAndNeverSyncsAgain() {
        long transactions = count("SELECT COUNT(*) FROM transactions WHERE user_id = " + alice.id()
                + " AND deleted_at IS NULL");
        long deletedBefore = stats("connections_deleted");

        Answer answer = http.send("DELETE", "/api/connections/" + alicesConnection + "?keepHistory=true",
                alice.token());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("data").get("keepHistory").asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> stats("connections_deleted") == deletedBefore + 1 && count(
                "SELECT COUNT(*) FROM connections WHERE deleting_since IS NULL AND id = " + alicesConnection) == 1);
        JsonNode accountList = http.get("/api/accounts", alice.token()).json().get("data");
        assertThat(accountList.size()).isEqualTo(3);
        accountList.valueStream().forEach(account -> assertThat(account.get("archived").asBoolean()).isTrue());
        JsonNode page = http.get("/api/transactions?limit=500", alice.token()).json().get("data");
        assertThat(page.size()).isEqualTo((int) Math.min(transactions, 500));
        page.valueStream().forEach(row -> assertThat(row.get("archived").asBoolean()).isTrue());
        assertThat(http.get("/api/transactions?limit=5", bob.token()).json().get("data").get(0).get("archived")
                .asBoolean()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM sync_runs WHERE connection_id = " + alicesConnection)).isZero();
        assertInvisible(alicesConnection);
        // what every sync, scheduled or forced, and every webhook goes through
        assertThat(lifecycle.claim(alicesConnection, "test", clock.instant().plus(Duration.ofDays(1)), Duration
                .ofMinutes(15))).isEmpty();
        assertThat(lifecycle.list(null)).noneMatch(connection -> connection.id() == alicesConnection);
        assertThat(http.send("POST", "/api/sync/intelligent/all", alice.token()).body()).doesNotContain(Long
                .toString(alicesConnection));
        assertThat(count("SELECT COUNT(*) FROM sync_runs WHERE connection_id = " + alicesConnection)).isZero();
    }

    @Test
    void anotherUsersConnectionOrAccountCannotBeDeleted() {
        assertThat(http.send("DELETE", "/api/connections/" + alicesConnection, bob.token()).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/admin/users/" + alice.id(), bob.token()).status()).isEqualTo(403);
        assertThat(http.send("DELETE", "/api/me", admin.token()).status()).as("an admin is not erasable")
                .isEqualTo(409);

        assertThat(http.send("DELETE", "/api/me", bob.token()).status()).isEqualTo(202);

        assertThat(http.get("/api/accounts", bob.token()).status()).as("revoked at once").isEqualTo(401);
        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM users WHERE id = " + bob.id()) == 0);
        assertThat(http.get("/api/accounts", alice.token()).json().get("data").size()).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM connections WHERE id = " + alicesConnection)).isOne();
    }

    @Test
    void erasingAUserDeletesThemAtTheProviderAndLeavesNothingOfThem() {
        Needles needles = connectionNeedles(alicesConnection);
        Set<String> distinctive = new HashSet<>(needles.distinctive());
        distinctive.add(Long.toString(alice.id()));
        distinctive.add(alice.name());
        distinctive.add(Sha256.hex(alice.token()));
        Set<String> exact = new HashSet<>(needles.exact());
        exact.add(jdbc.sql("SELECT provider_user_id FROM provider_users WHERE user_id = :u").param("u", alice.id())
                .query(String.class).single());
        var scan = new DatabaseScan(dataSource);
        assertThat(scan.find(distinctive, exact)).anyMatch(cell -> cell.startsWith("users."))
                .anyMatch(cell -> cell.startsWith("api_tokens."))
                .anyMatch(cell -> cell.startsWith("provider_users."));
        // a token still cached from a recent request must be refused at once too
        assertThat(http.get("/api/accounts", alice.token()).status()).isEqualTo(200);
        long usersDeleted = stats("users_deleted");

        Answer answer = http.send("DELETE", "/api/admin/users/" + alice.id(), admin.token());

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(http.get("/api/accounts", alice.token()).status()).isEqualTo(401);
        await().atMost(WAIT).until(() -> stats("users_deleted") == usersDeleted + 1
                && count("SELECT COUNT(*) FROM users WHERE id = " + alice.id()) == 0);
        Background.awaitQuiet(jdbc);
        assertThat(scan.find(distinctive, exact)).as("cells mentioning the erased user").isEmpty();
        assertThat(http.send("DELETE", "/api/admin/users/" + alice.id(), admin.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/accounts", bob.token()).json().get("data").size()).isEqualTo(6);
    }

    @Test
    void erasingAUserWhoseTokenWasRevokedElsewhereRenewsItAndDeletesThemAtTheProvider() {
        String powensToken = identities.tokenOfUser(alice.id(), "powens").orElseThrow().value();
        assertThat(http.send("DELETE", "/sandbox/2.0/auth/token", powensToken).status()).isEqualTo(204);
        long usersDeleted = stats("users_deleted");

        assertThat(http.send("DELETE", "/api/admin/users/" + alice.id(), admin.token()).status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM users WHERE id = " + alice.id()) == 0);
        assertThat(stats("users_deleted")).as("the user is gone at the provider, not only in FireSync")
                .isEqualTo(usersDeleted + 1);
    }

    @Test
    void exportHoldsEverythingOfTheCallerAndNoSecret() {
        Answer answer = http.get("/api/me/export", alice.token());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode export = answer.json();
        assertThat(export.get("user").get("id").asLong()).isEqualTo(alice.id());
        assertThat(export.get("connections").size()).isOne();
        assertThat(export.get("accounts").size()).isEqualTo(3);
        assertThat(export.get("transactions").size()).isEqualTo(count(
                "SELECT COUNT(*) FROM transactions WHERE user_id = " + alice.id()));
        Set<Long> ids = new HashSet<>();
        export.get("transactions").valueStream().forEach(row -> ids.add(row.get("id").asLong()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT id FROM transactions WHERE user_id = "
                + alice.id()).query(Long.class).list());
        String powensToken = identities.tokenOfUser(alice.id(), "powens").orElseThrow().value();
        assertThat(answer.body()).doesNotContain(powensToken).doesNotContain(alice.token())
                .doesNotContain(Sha256.hex(alice.token())).doesNotContain(bob.name());
    }

    private void assertInvisible(long connection) {
        assertThat(http.get("/api/sync/status", alice.token()).body()).doesNotContain("\"" + connection + "\"")
                .doesNotContain(":" + connection + ",");
        assertThat(http.send("POST", "/api/sync/intelligent/connection/" + connection + "?force=true", alice.token())
                .status()).isEqualTo(404);
        assertThat(http.get("/api/auth/powens/reconnect/" + connection, alice.token()).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/connections/" + connection, alice.token()).status()).isEqualTo(404);
    }

    private Needles connectionNeedles(long connection) {
        Set<String> distinctive = new HashSet<>();
        Set<String> exact = new HashSet<>();
        distinctive.add(Long.toString(connection));
        exact.add(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = " + connection)
                .query(String.class).single());
        jdbc.sql("SELECT id, provider_account_id FROM accounts WHERE connection_id = " + connection).query(rs -> {
            distinctive.add(Long.toString(rs.getLong(1)));
            exact.add(rs.getString(2));
        });
        jdbc.sql("""
                SELECT t.id, t.provider_transaction_id FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = """ + connection).query(rs -> {
            distinctive.add(Long.toString(rs.getLong(1)));
            distinctive.add(rs.getString(2));
        });
        assertThat(distinctive).hasSizeGreaterThan(100);
        return new Needles(distinctive, exact);
    }

    private long link(NewUser user) {
        var callback = new WebviewDriver(http).connect(user.token(), "demo", user.name(), "secret");
        return callback.json().get("data").get("connectionIds").get(0).asLong();
    }

    private long stats(String counter) {
        return http.get("/sandbox/stats", null).json().get(counter).asLong();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        scheduler.triggerCheckForDueExecutions();
    }

    private record Needles(Set<String> distinctive, Set<String> exact) {
    }

    /** The deletion job's first two backoffs (one minute, then two), with a second to spare. */
    private static final class EndOfLifeTasksDelays {

        static final Duration FIRST = Duration.ofSeconds(61);

        static final Duration SECOND = Duration.ofSeconds(121);
    }
}
