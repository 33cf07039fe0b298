package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.LedgerRows;
import com.firesync.testing.TestDatabase;
import com.firesync.user.UserAccounts;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8's ledger-write benchmark: a backfill of new transactions through {@link LedgerWriter#writeTransactions},
 * in batches of 5,000 rows of one account as {@code TransactionPull} sends them, against PostgreSQL {@code COPY} of
 * the same rows into {@code transactions_copy} ({@code LIKE transactions INCLUDING ALL}: same columns, checks,
 * indexes, but no foreign keys) and into {@code transactions_copy_fk} (the same plus {@code transactions}' two foreign
 * keys, which PostgreSQL checks per row with triggers). The three loads are interleaved per account, so that other
 * load on the machine weighs on each alike. PostgreSQL only; prints rows/s and ratios on standard output.
 * <p>
 * Run it with {@code ./mvnw -B -Pbench verify -Dbench.test=LedgerWriteBenchmark -Dfiresync.test.database=postgresql}
 * (optionally {@code -Dfiresync.benchmark.rows=N}, see {@link #ROWS}); docs/benchmarks.md.
 */
@FireSyncTest
@Tag("benchmark")
class LedgerWriteBenchmark {

    /** Rows in all, over {@link #ACCOUNTS} accounts. */
    static final int ROWS = Integer.getInteger("firesync.benchmark.rows", 300_000);

    static final int ACCOUNTS = 3;

    static final int BATCH = 5_000;

    static final String COLUMNS = "account_id, user_id, provider_transaction_id, booked_date, value_date, "
            + "operation_date, amount, currency, original_wording, simplified_wording, wording, type, pending, "
            + "deleted_at, provider_last_update, created_at, updated_at";

    @Autowired
    LedgerWriter writer;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void backfillAgainstCopy() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "the benchmark compares with PostgreSQL COPY");
        long userId = users.create("bench", Role.USER).id();
        long connectionId = new LedgerRows(jdbc).connection(userId, "Bench Bank");
        List<ProviderAccount> providerAccounts = new ArrayList<>();
        for (int a = 0; a <= ACCOUNTS; a++) {
            providerAccounts.add(new ProviderAccount("acc" + a, "c1", "Account " + a, "CHECKING", "checking", "123",
                    "FR76 0000", "EUR", BigDecimal.ZERO, null, null, null, null, LocalDateTime.of(2026, 1, 1, 0, 0)));
        }
        var ids = writer.writeAccounts(connectionId, userId, providerAccounts);
        jdbc.sql("CREATE TABLE transactions_copy (LIKE transactions INCLUDING ALL)").update();
        // LIKE copies no foreign keys; transactions has two, checked per row by triggers: also compare with a copy
        // that has them
        jdbc.sql("CREATE TABLE transactions_copy_fk (LIKE transactions INCLUDING ALL)").update();
        jdbc.sql("""
                ALTER TABLE transactions_copy_fk
                    ADD FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
                    ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE""").update();

        // warm-up: JIT and connections, on an account of its own, for both sides
        List<ProviderTransaction> warmUp = transactions(new Random(7), 20_000, 9_000_000);
        write(ids.get("acc0"), userId, warmUp);
        copy("transactions_copy", ids.get("acc0"), userId, warmUp);
        copy("transactions_copy_fk", ids.get("acc0"), userId, warmUp);

        Random random = new Random(42);
        List<List<ProviderTransaction>> perAccount = new ArrayList<>();
        for (int a = 1; a <= ACCOUNTS; a++) {
            perAccount.add(transactions(random, ROWS / ACCOUNTS, 1_000_000 * a));
        }
        // interleaved per account, so that load from elsewhere on the machine weighs on all three alike
        long writeNanos = 0;
        long copyNanos = 0;
        long copyFkNanos = 0;
        for (int a = 1; a <= ACCOUNTS; a++) {
            long accountId = ids.get("acc" + a);
            jdbc.sql("CHECKPOINT").update();
            writeNanos += write(accountId, userId, perAccount.get(a - 1));
            jdbc.sql("CHECKPOINT").update();
            copyNanos += copy("transactions_copy", accountId, userId, perAccount.get(a - 1));
            jdbc.sql("CHECKPOINT").update();
            copyFkNanos += copy("transactions_copy_fk", accountId, userId, perAccount.get(a - 1));
        }

        int rows = ROWS / ACCOUNTS * ACCOUNTS;
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transactions").query(Long.class).single())
                .isEqualTo(rows + warmUp.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transactions_copy").query(Long.class).single())
                .isEqualTo(rows + warmUp.size());
        double writeRate = rows / (writeNanos / 1e9);
        double copyRate = rows / (copyNanos / 1e9);
        double copyFkRate = rows / (copyFkNanos / 1e9);
        System.out.printf("%nLedgerWriteBenchmark: %,d new rows, batches of %,d%n", rows, BATCH);
        System.out.printf("  LedgerWriter.writeTransactions: %8.2f s  %,10.0f rows/s%n", writeNanos / 1e9, writeRate);
        System.out.printf("  COPY into transactions_copy:    %8.2f s  %,10.0f rows/s%n", copyNanos / 1e9, copyRate);
        System.out.printf("  COPY into transactions_copy_fk: %8.2f s  %,10.0f rows/s%n", copyFkNanos / 1e9,
                copyFkRate);
        System.out.printf("  ratio writer/COPY: %.3f (with foreign keys: %.3f)%n", writeRate / copyRate,
                writeRate / copyFkRate);

        // an incremental sync's common case: rows already stored, unchanged
        List<ProviderTransaction> again = perAccount.get(0).subList(0, Math.min(20_000, perAccount.get(0).size()));
        long start = System.nanoTime();
        for (int from = 0; from < again.size(); from += BATCH) {
            assertThat(writer.writeTransactions(ids.get("acc1"), userId, "EUR",
                    again.subList(from, Math.min(from + BATCH, again.size())))).isEqualTo(WriteCounts.NONE);
        }
        long againNanos = System.nanoTime() - start;
        System.out.printf("  unchanged rows written again:   %8.2f s  %,10.0f rows/s%n%n", againNanos / 1e9,
                again.size() / (againNanos / 1e9));
    }

    private long write(long accountId, long userId, List<ProviderTransaction> transactions) {
        long start = System.nanoTime();
        for (int from = 0; from < transactions.size(); from += BATCH) {
            List<ProviderTransaction> batch = transactions.subList(from, Math.min(from + BATCH, transactions.size()));
            WriteCounts counts = writer.writeTransactions(accountId, userId, "EUR", batch);
            assertThat(counts).isEqualTo(new WriteCounts(batch.size(), 0, 0));
        }
        return System.nanoTime() - start;
    }

    /** COPY of the rows as the writer would store them (text format, built before the clock starts). */
    private long copy(String table, long accountId, long userId, List<ProviderTransaction> transactions)
            throws Exception {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        StringBuilder text = new StringBuilder(transactions.size() * 160);
        for (ProviderTransaction t : transactions) {
            text.append(accountId).append('\t').append(userId).append('\t').append(t.id()).append('\t')
                    .append(t.date()).append('\t').append(orNull(t.valueDate())).append('\t')
                    .append(orNull(t.realizationDate())).append('\t').append(t.amount().toPlainString()).append('\t')
                    .append("EUR\t").append(orNull(t.originalWording())).append('\t')
                    .append(orNull(t.simplifiedWording())).append('\t').append(orNull(t.wording())).append('\t')
                    .append(orNull(t.type())).append('\t').append(t.pending()).append('\t').append("\\N\t")
                    .append(orNull(t.providerLastUpdate())).append('\t').append(now).append('\t').append(now)
                    .append('\n');
        }
        String data = text.toString();
        try (Connection connection = dataSource.getConnection()) {
            var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            long loaded = copyApi.copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN", new StringReader(data));
            long nanos = System.nanoTime() - start;
            assertThat(loaded).isEqualTo(transactions.size());
            return nanos;
        }
    }

    private static String orNull(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    /** Realistic Powens-like rows: numeric ids, ~30-character labels, 2-decimal amounts, dates over 2 years. */
    static List<ProviderTransaction> transactions(Random random, int count, int firstId) {
        String[] merchants = {"CARTE X1234 CARREFOUR MARKET", "PRLV SEPA EDF CLIENTS PARTICU",
                "VIR SEPA SALAIRE ACME SAS",
                "CB AMAZON EU SARL LUXEMBOURG", "RETRAIT DAB 12/03 PARIS 11E", "CB SNCF INTERNET PARIS FR"};
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDateTime updated = LocalDateTime.of(2026, 1, 10, 9, 30);
        List<ProviderTransaction> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String merchant = merchants[random.nextInt(merchants.length)];
            LocalDate date = start.plusDays(random.nextInt(730));
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_500_000, 2);
            String raw = merchant + " " + (100 + random.nextInt(900));
            rows.add(new ProviderTransaction(Integer.toString(firstId + i), "1", date, date.plusDays(1),
                    date.minusDays(1),
                    date, amount, null, merchant.toLowerCase(), raw, merchant, "card", false, null,
                    updated.plusSeconds(i).atZone(ZoneOffset.UTC).toInstant(),
                    updated.plusSeconds(i), null, null));
        }
        return rows;
    }
}
