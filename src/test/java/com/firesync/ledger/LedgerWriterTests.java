package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.LedgerRows;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's upserts on a real database: keyed by provider ids, rewriting only what changed.
 */
@FireSyncTest
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
    void neverLetsOlderDataUndoNewer() {
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        writer.writeTransactions(account, userId, "EUR", List.of(transaction("p", "-10.40", false, null)));
        var stale = new ProviderTransaction("p", "1", LocalDate.of(2026, 1, 9), null, null, null,
                new BigDecimal("-10.00"), null, "Label p", "RAW p", "Simple p", "card", true, null, null,
                UPDATED.minusHours(5));

        assertThat(writer.writeTransactions(account, userId, "EUR", List.of(stale))).isEqualTo(WriteCounts.NONE);
        assertThat(jdbc.sql("SELECT pending FROM transactions").query(Boolean.class).single()).isFalse();
    }

    private ProviderAccount account(String id, String balance) {
        return new ProviderAccount(id, "c1", "Checking " + id, "CHECKING", "checking", "123", "FR76 0000", "EUR",
                new BigDecimal(balance), null, null, null, null, UPDATED);
    }

    private static ProviderTransaction transaction(String id, String amount, boolean pending,
            @Nullable Instant deleted) {
        return new ProviderTransaction(id, "1", LocalDate.of(2026, 1, 9), null, null, null, new BigDecimal(amount),
                null, "Label " + id, "RAW " + id, "Simple " + id, "card", pending, deleted, null, UPDATED);
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
