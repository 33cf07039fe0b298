package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.LedgerRows;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's upserts on a real database: keyed by provider ids, rewriting only what changed.
 */
@FireSyncTest
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class LedgerWriterTests {

    static final LocalDateTime UPDATED = LocalDateTime.of(2026, 1, 10, 9, 30);

    @Autowired
    LedgerWriter writer;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    long userId;

    long connectionId;

    @BeforeEach
    void seed() {
        userId = users.create("alice", Role.USER).id();
        connectionId = new LedgerRows(jdbc).connection(userId, "Demo Bank");
    }

    @Test
    void writesAccountsOnceAndUpdatesOnlyOnChange() {
        Map<String, Long> ids = writer.writeAccounts(connectionId, userId, List.of(account("1", "10.00")));
        Instant written = updatedAt("accounts", ids.get("1"));

        assertThat(writer.writeAccounts(connectionId, userId, List.of(account("1", "10.00")))).isEqualTo(ids);
        assertThat(updatedAt("accounts", ids.get("1"))).isEqualTo(written);
        assertThat(count("accounts")).isEqualTo(1);
        assertThat(count("balance_snapshots")).isEqualTo(1);

        writer.writeAccounts(connectionId, userId, List.of(account("1", "12.50")));

        assertThat(jdbc.sql("SELECT balance FROM accounts").query(BigDecimal.class).single())
                .isEqualByComparingTo("12.50");
        assertThat(jdbc.sql("SELECT balance FROM balance_snapshots").query(BigDecimal.class).single())
                .isEqualByComparingTo("12.50");
        assertThat(count("balance_snapshots")).isEqualTo(1);
    }

    @Test
    void writingTheSameTransactionsTwiceChangesNothing() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        List<ProviderTransaction> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(transaction("t" + i, "-" + i + ".25", i % 5 == 0, null));
        }

        assertThat(writer.writeTransactions(account, userId, "EUR", batch)).isEqualTo(new WriteCounts(50, 0, 0));
        assertThat(writer.writeTransactions(account, userId, "EUR", batch)).isEqualTo(WriteCounts.NONE);
        assertThat(count("transactions")).isEqualTo(50);
    }

    @Test
    void appliesBookingAmountChangesAndDeletions() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        writer.writeTransactions(account, userId, "EUR",
                List.of(transaction("p", "-10.00", true, null), transaction("q", "-3.00", true, null)));

        WriteCounts changed = writer.writeTransactions(account, userId, "EUR",
                List.of(transaction("p", "-10.40", false, null),
                        transaction("q", "-3.00", true, Instant.parse("2026-01-11T08:00:00Z")),
                        transaction("r", "-3.00", false, null)));

        assertThat(changed).isEqualTo(new WriteCounts(1, 1, 1));
        assertThat(jdbc.sql("SELECT amount FROM transactions WHERE provider_transaction_id = 'p'")
                .query(BigDecimal.class)
                .single()).isEqualByComparingTo("-10.40");
        assertThat(jdbc.sql("SELECT pending FROM transactions WHERE provider_transaction_id = 'p'")
                .query(Boolean.class)
                .single()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transactions WHERE deleted_at IS NOT NULL")
                .query(Long.class)
                .single()).isEqualTo(1);
        assertThat(count("transactions")).isEqualTo(3);
    }

    @Test
    void storesAForeignAmountAndUpdatesItWhenOnlyItChanges() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");

        assertThat(writer.writeTransactions(account, userId, "EUR",
                List.of(foreign("f", "-46.30", "-50.00", "USD", UPDATED), transaction("e", "-1.00", false, null))))
                .isEqualTo(new WriteCounts(2, 0, 0));
        assertThat(original("f")).isEqualTo("-50.0000 USD");
        assertThat(original("e")).isEqualTo("null null");
        assertThat(writer.writeTransactions(account, userId, "EUR",
                List.of(foreign("f", "-46.30", "-50.00", "USD", UPDATED)))).isEqualTo(WriteCounts.NONE);

        // the same EUR amount, a corrected foreign one: a change all the same
        assertThat(writer.writeTransactions(account, userId, "EUR",
                List.of(foreign("f", "-46.30", "-50.5", "USD", UPDATED.plusMinutes(1)))))
                .isEqualTo(new WriteCounts(0, 1, 0));
        assertThat(original("f")).isEqualTo("-50.5000 USD");
        assertThat(writer.writeTransactions(account, userId, "EUR",
                List.of(foreign("f", "-46.30", "-50.5", "GBP", UPDATED.plusMinutes(1)))))
                .isEqualTo(new WriteCounts(0, 1, 0));
        assertThat(original("f")).isEqualTo("-50.5000 GBP");
        assertThat(writer.writeTransactions(account, userId, "EUR",
                List.of(foreign("f", "-46.30", null, null, UPDATED.plusMinutes(2)))))
                .isEqualTo(new WriteCounts(0, 1, 0));
        assertThat(original("f")).isEqualTo("null null");
        assertThat(count("transactions")).isEqualTo(2);
    }

    @Test
    void neverLetsOlderDataUndoNewer() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        writer.writeTransactions(account, userId, "EUR", List.of(transaction("p", "-10.40", false, null)));
        var stale = new ProviderTransaction("p", "1", LocalDate.of(2026, 1, 9), null, null, null,
                new BigDecimal("-10.00"), null, "Label p", "RAW p", "Simple p", "card", true, null, null,
                UPDATED.minusHours(5), null, null);

        assertThat(writer.writeTransactions(account, userId, "EUR", List.of(stale))).isEqualTo(WriteCounts.NONE);
        assertThat(jdbc.sql("SELECT pending FROM transactions").query(Boolean.class).single()).isFalse();
    }

    @Test
    void countsAndStoresAMixedBatchExactly() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        Instant gone = Instant.parse("2026-01-05T08:00:00Z");
        writer.writeTransactions(account, userId, "EUR",
                List.of(transaction("p", "-10.00", true, null), transaction("q", "-3.00", false, null),
                        transaction("u", "-1.00", false, null), transaction("o", "-7.00", false, null),
                        transaction("d", "-2.00", false, gone)));
        var older = new ProviderTransaction("o", "1", LocalDate.of(2026, 1, 9), null, null, null,
                new BigDecimal("-70.00"), null, "Label o", "RAW o", "Simple o", "card", false, null, null,
                UPDATED.minusHours(5), null, null);
        // odd text for arrays and literals, microseconds
        var odd = new ProviderTransaction("n4", "1", LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 9),
                LocalDate.of(2026, 1, 7), null, new BigDecimal("1234.5678"), "usd", "NULL", "a \"quoted\", {braced}",
                "back\\slash\ttab\nline é", null, false, null, null, UPDATED.plusNanos(123_456_000),
                new BigDecimal("1150.12345"), "CHF");
        List<ProviderTransaction> batch = List.of(transaction("p", "-10.40", false, null),
                transaction("q", "-3.00", false, Instant.parse("2026-01-11T08:00:00.123456Z")),
                transaction("u", "-1.00", false, null), older, transaction("d", "-2.00", false, gone),
                transaction("n1", "-4.00", true, null), transaction("n2", "-5.00", false, gone),
                transaction("n3", "-6.00", false, null), odd, transaction("n3", "-6.00", false, null));

        assertThat(writer.writeTransactions(account, userId, "EUR", batch)).isEqualTo(new WriteCounts(3, 1, 1));
        List<String> rows = rows();
        assertThat(writer.writeTransactions(account, userId, "EUR", batch)).isEqualTo(WriteCounts.NONE);
        assertThat(rows()).isEqualTo(rows);
        assertThat(rows.stream().map(row -> row.substring(0, row.indexOf(" @ ")))).containsExactly(
                "d|2026-01-09|null|null|-2.0000|EUR|RAW d|Simple d|Label d|card|false|true|2026-01-10T09:30|null|null",
                "n1|2026-01-09|null|null|-4.0000|EUR|RAW n1|Simple n1|Label n1|card|true|false|2026-01-10T09:30|null|null",
                "n2|2026-01-09|null|null|-5.0000|EUR|RAW n2|Simple n2|Label n2|card|false|true|2026-01-10T09:30|null|null",
                "n3|2026-01-09|null|null|-6.0000|EUR|RAW n3|Simple n3|Label n3|card|false|false|2026-01-10T09:30|null|null",
                "n4|2026-01-08|2026-01-09|2026-01-07|1234.5678|usd|a \"quoted\", {braced}|back\\slash\ttab\nline é"
                        + "|NULL|null|false|false|2026-01-10T09:30:00.123456|1150.1235|CHF",
                "o|2026-01-09|null|null|-7.0000|EUR|RAW o|Simple o|Label o|card|false|false|2026-01-10T09:30|null|null",
                "p|2026-01-09|null|null|-10.4000|EUR|RAW p|Simple p|Label p|card|false|false|2026-01-10T09:30|null|null",
                "q|2026-01-09|null|null|-3.0000|EUR|RAW q|Simple q|Label q|card|false|true|2026-01-10T09:30|null|null",
                "u|2026-01-09|null|null|-1.0000|EUR|RAW u|Simple u|Label u|card|false|false|2026-01-10T09:30|null|null");
    }

    @Test
    void fallsBackToTheAccountsCurrencyThenXxxAndClipsLongText() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        var blank = new ProviderTransaction("b", "1", LocalDate.of(2026, 1, 9), null, null, null, BigDecimal.ONE, " ",
                "w".repeat(1200), null, null, "t".repeat(70), false, null, null, UPDATED, null, " ");
        List<ProviderTransaction> batch = List.of(transaction("a", "-1.00", false, null), blank);

        assertThat(writer.writeTransactions(account, userId, "EUR", batch)).isEqualTo(new WriteCounts(2, 0, 0));
        assertThat(writer.writeTransactions(account, userId, null, List.of(transaction("n", "-2.00", false, null))))
                .isEqualTo(new WriteCounts(1, 0, 0));
        assertThat(writer.writeTransactions(account, userId, "EUR", batch)).isEqualTo(WriteCounts.NONE);
        assertThat(jdbc.sql("""
                SELECT provider_transaction_id || ' ' || currency || ' ' || COALESCE(original_currency, '-') || ' '
                    || COALESCE(LENGTH(wording), 0) || ' ' || COALESCE(LENGTH(type), 0)
                FROM transactions ORDER BY provider_transaction_id""").query(String.class).list())
                .containsExactly("a EUR - 7 4", "b XXX - 1000 64", "n XXX - 7 4");
    }

    /** Each row of an account as the provider's data stored it: every column written from it, in id order. */
    private List<String> stored(long account) {
        String columns = TransactionColumn.ALL.stream().map(TransactionColumn::name)
                .map(name -> "COALESCE(CAST(" + name + " AS VARCHAR), '-')")
                .collect(java.util.stream.Collectors.joining(" || '|' || "));
        return jdbc.sql("SELECT " + columns + " || '|' || CAST(created_at = updated_at AS VARCHAR)"
                + " FROM transactions WHERE account_id = :account ORDER BY provider_transaction_id")
                .param("account", account)
                .query(String.class)
                .list();
    }

    private List<String> rows() {
        return jdbc.sql("SELECT * FROM transactions ORDER BY provider_transaction_id")
                .query((rs, row) -> String.join("|", rs.getString("provider_transaction_id"),
                        String.valueOf(rs.getObject("booked_date", LocalDate.class)),
                        String.valueOf(rs.getObject("value_date", LocalDate.class)),
                        String.valueOf(rs.getObject("operation_date", LocalDate.class)),
                        rs.getBigDecimal("amount").toPlainString(), rs.getString("currency"),
                        rs.getString("original_wording"), rs.getString("simplified_wording"),
                        rs.getString("wording"), rs.getString("type"), String.valueOf(rs.getBoolean("pending")),
                        String.valueOf(rs.getObject("deleted_at") != null),
                        String.valueOf(rs.getObject("provider_last_update", LocalDateTime.class)),
                        rs.getBigDecimal("original_amount") == null
                                ? "null"
                                : rs.getBigDecimal("original_amount").toPlainString(),
                        rs.getString("original_currency"))
                        + " @ " + DbTime.read(rs, "updated_at") + " " + DbTime.read(rs, "deleted_at"))
                .list();
    }

    /**
     * A bulk write leaves PostgreSQL's planner seeing the rows it added, without autovacuum (off on the machines the
     * tests run on): until then it plans the ledger's queries for a nearly empty table. PostgreSQL only: H2 keeps its
     * own statistics as rows are written.
     */
    @Nested
    @Order(1)
    @Tag("postgresql-only")
    class PlannerStatisticsOnPostgreSql {

        @Test
        void aBackfillBatchHasTheLedgerAnalyzed() {
            long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
            OffsetDateTime before = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
            List<ProviderTransaction> batch = new ArrayList<>();
            for (int i = 0; i < PlannerStatistics.BULK_ROWS + 500; i++) {
                batch.add(transaction("t" + i, "-" + i + ".25", false, null));
            }

            writer.writeTransactions(account, userId, "EUR", batch);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetDateTime analyzed = jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables"
                        + " WHERE schemaname = current_schema() AND relname = 'transactions'")
                        .query(OffsetDateTime.class)
                        .optional()
                        .orElse(null);
                return analyzed != null && analyzed.isAfter(before);
            });
            assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = CAST('transactions' AS regclass)")
                    .query(Double.class).single()).isGreaterThanOrEqualTo(PlannerStatistics.BULK_ROWS + 500);
        }

        /**
         * A backfill comes in pages of a few hundred rows: together they are bulk. Analyzed in the writing thread,
         * before the write returns (and announces its change to the analytics pass that plans on the figures).
         */
        @Test
        void aBackfillInSmallPagesHasTheLedgerAnalyzedBeforeTheWriteReturns() {
            long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
            int page = PlannerStatistics.BULK_ROWS / 4 + 50;
            for (int start = 0; start < 4 * page; start += page) {
                List<ProviderTransaction> batch = new ArrayList<>();
                for (int i = start; i < start + page; i++) {
                    batch.add(transaction("t" + i, "-" + i + ".25", false, null));
                }
                writer.writeTransactions(account, userId, "EUR", batch);
            }

            long stored = count("transactions");
            assertThat(stored).isEqualTo(4L * page);
            assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = CAST('transactions' AS regclass)")
                    .query(Double.class).single()).as("rows the planner sees").isGreaterThanOrEqualTo(stored / 2.0);
        }

        /**
         * A second user's first sync into a ledger analyzed with the first user's rows alone: too few rows to leave
         * the whole ledger stale, but the planner would expect a row or two of them and join their ledger with itself
         * row by row.
         */
        @Test
        void aUserTheLastAnalysisMissedHasTheLedgerAnalyzedBeforeTheirWriteReturns() {
            long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
            writer.writeTransactions(account, userId, "EUR", batch("a", 4 * PlannerStatistics.BULK_ROWS));
            long bob = users.create("bob", Role.USER).id();
            long bobs = writer.writeAccounts(new LedgerRows(jdbc).connection(bob, "Other Bank"), bob,
                    List.of(account("2", "0"))).get("2");
            int page = PlannerStatistics.BULK_ROWS / 4 + 50;
            for (int start = 0; start < 4 * page; start += page) {
                writer.writeTransactions(bobs, bob, "EUR", batch("b" + start + "-", page));
            }

            assertThat(plannedRows("alice", userId)).isGreaterThanOrEqualTo(2L * PlannerStatistics.BULK_ROWS);
            assertThat(plannedRows("bob", bob)).isGreaterThanOrEqualTo(2L * page);
        }

        private long plannedRows(String user, long id) {
            String plan = jdbc.sql("EXPLAIN SELECT 1 FROM transactions WHERE user_id = " + id)
                    .query(String.class)
                    .list()
                    .getFirst();
            var rows = java.util.regex.Pattern.compile("rows=(\\d+)").matcher(plan);
            assertThat(rows.find()).as(plan).isTrue();
            System.out.printf("The planner expects %s rows of %s%n", rows.group(1), user);
            return Long.parseLong(rows.group(1));
        }

        private static List<ProviderTransaction> batch(String prefix, int size) {
            List<ProviderTransaction> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(transaction(prefix + i, "-" + i + ".25", false, null));
            }
            return batch;
        }
    }

    /**
     * Batches large enough to be copied in on PostgreSQL. After the planner's tests: the rows they write count
     * towards the writer's next analysis, which those tests expect to start from few.
     */
    @Nested
    @Order(2)
    class BackfillSizedBatches {

        @Test
        void aBackfillSizedBatchStoresWhatSmallBatchesStore() {
            Map<String, Long> ids = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"),
                    account("2", "0")));
            List<ProviderTransaction> batch = new ArrayList<>();
            for (int i = 0; i < PostgresTransactionInserts.COPY_FROM; i++) {
                batch.add(transaction("t" + i, "-" + i + ".25", i % 7 == 0, i % 11 == 0
                        ? Instant.parse(
                                "2026-01-11T08:00:00.123456Z")
                        : null));
            }
            // text that needs escaping in every format, a foreign amount, every date, microseconds
            batch.add(new ProviderTransaction("odd", "1", LocalDate.of(2026, 1, 8), LocalDate.of(2026, 1, 9),
                    LocalDate.of(2026, 1, 7), null, new BigDecimal("1234.5678"), "usd", "NULL", "\\N \"q\", {b}",
                    "back\\slash\ttab\nline\r é 😀", null, false, null, null, UPDATED.plusNanos(123_456_000),
                    new BigDecimal("1150.12345"), "CHF", 42L, "FR7630004000031234567890143"));

            assertThat(writer.writeTransactions(ids.get("1"), userId, "EUR", batch))
                    .isEqualTo(new WriteCounts(batch.size() - 46, 0, 0));
            for (int from = 0; from < batch.size(); from += 100) {
                writer.writeTransactions(ids.get("2"), userId, "EUR", batch.subList(from, Math.min(from + 100,
                        batch.size())));
            }
            assertThat(stored(ids.get("1"))).hasSize(batch.size()).isEqualTo(stored(ids.get("2")));

            // the same rows again, a few changed and a few new: the stored ones are merged, the new ones inserted
            List<ProviderTransaction> again = new ArrayList<>(batch);
            again.set(3, transaction("t3", "-99.00", false, null));
            for (int i = 0; i < 3; i++) {
                again.add(transaction("new" + i, "-1.00", false, null));
            }
            assertThat(writer.writeTransactions(ids.get("1"), userId, "EUR", again))
                    .isEqualTo(new WriteCounts(3, 1, 0));
            assertThat(count("transactions")).isEqualTo(2L * batch.size() + 3);
        }
    }

    /**
     * A row another writer stores while a backfill-sized batch is being written (not one of the user's, which wait
     * for the user's change head): the copy meets it, is rolled back, and the batch goes in the array statement,
     * which leaves that row to the caller's merge.
     */
    @Nested
    @Order(3)
    @Tag("postgresql-only")
    class CopyMeetingAnotherWriter {

        @Autowired
        NamedParameterJdbcTemplate named;

        @Autowired
        PlatformTransactionManager transactions;

        @Test
        void insertsTheOthersAndLeavesThatRowToTheMerge() throws Exception {
            long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
            List<ProviderTransaction> batch = new ArrayList<>();
            for (int i = 0; i < PostgresTransactionInserts.COPY_FROM; i++) {
                batch.add(transaction("t" + i, "-1.00", false, null));
            }
            var inserts = new PostgresTransactionInserts(named);
            var other = new TransactionTemplate(transactions);
            other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            CountDownLatch otherInserted = new CountDownLatch(1);
            CountDownLatch commitOther = new CountDownLatch(1);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                var otherWriter = executor.submit(() -> other.executeWithoutResult(status -> {
                    jdbc.sql("INSERT INTO transactions (account_id, user_id, provider_transaction_id, booked_date,"
                            + " amount, currency, pending, created_at, updated_at) VALUES (:a, :u, 't7',"
                            + " DATE '2026-01-09', 1, 'EUR', FALSE, now(), now())").param("a", account)
                            .param("u", userId).update();
                    otherInserted.countDown();
                    await(commitOther);
                }));
                TransactionInserts.Inserted inserted;
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> otherInserted.getCount() == 0 || otherWriter.isDone());
                    assertThat(otherWriter.isDone()).as("the other writer failed").isFalse();
                    var write = executor.submit(() -> other.execute(status -> inserts.insertNew(account, userId,
                            "EUR", batch, DbTime.at(Instant.parse("2026-01-12T00:00:00Z")), 1)));
                    // the copy waits on the other writer's row before it can tell whether it conflicts
                    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                            "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query LIKE 'COPY transactions%'")
                            .query(Long.class).single() == 1);
                    commitOther.countDown();
                    otherWriter.get();
                    inserted = write.get();
                } finally {
                    commitOther.countDown();
                }

                assertThat(inserted.inserted()).hasSize(batch.size() - 1).doesNotContain("t7");
                assertThat(inserted.existing()).containsExactly(Map.entry("t7", false));
            }
            assertThat(count("transactions")).isEqualTo(batch.size());
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ProviderAccount account(String id, String balance) {
        return new ProviderAccount(id, "c1", "Checking " + id, "CHECKING", "checking", "123", "FR76 0000", "EUR",
                new BigDecimal(balance), null, null, null, null, UPDATED);
    }

    private static ProviderTransaction transaction(String id, String amount, boolean pending,
            @Nullable Instant deleted) {
        return new ProviderTransaction(id, "1", LocalDate.of(2026, 1, 9), null, null, null, new BigDecimal(amount),
                null, "Label " + id, "RAW " + id, "Simple " + id, "card", pending, deleted, null, UPDATED, null, null);
    }

    /** A card payment abroad: EUR on the account, the foreign amount beside it. */
    private static ProviderTransaction foreign(String id, String amount, @Nullable String originalAmount,
            @Nullable String originalCurrency, LocalDateTime updated) {
        return new ProviderTransaction(id, "1", LocalDate.of(2026, 1, 9), null, null, null, new BigDecimal(amount),
                "EUR", "Label " + id, "RAW " + id, "Simple " + id, "card", false, null, null, updated,
                originalAmount == null ? null : new BigDecimal(originalAmount), originalCurrency);
    }

    private String original(String ref) {
        return jdbc
                .sql("SELECT original_amount, original_currency FROM transactions WHERE provider_transaction_id = :r")
                .param("r", ref)
                .query((rs, row) -> (rs.getBigDecimal(1) == null ? "null" : rs.getBigDecimal(1).toPlainString()) + " "
                        + rs.getString(2))
                .single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private Instant updatedAt(String table, long id) {
        return jdbc.sql("SELECT updated_at FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> com.firesync.shared.DbTime.read(rs, "updated_at"))
                .single();
    }
}
