package com.firesync.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Seeds ledger rows straight into the database, for tests of the read side before any sync has written them.
 */
public final class LedgerRows {

    private static final OffsetDateTime NOW = Instant.parse("2026-01-15T10:00:00Z").atOffset(ZoneOffset.UTC);

    private final JdbcClient jdbc;

    public LedgerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long connection(long userId, String bank) {
        return connection(userId, bank, "powens");
    }

    /** A connection made with {@code provider}, with the user's identity there. */
    public long connection(long userId, String bank, String provider) {
        long providerUser = insert("""
                INSERT INTO provider_users (user_id, provider, provider_user_id, created_at)
                VALUES (:user, :provider, :ref, :now)""", "user", userId, "provider", provider, "ref",
                "pu-" + userId + "-" + bank);
        return insert("""
                INSERT INTO connections (user_id, provider_user_id, provider, provider_connection_id, bank_name, state,
                                         created_at, updated_at)
                VALUES (:user, :pu, :provider, :ref, :bank, 'active', :now, :now)""", "user", userId, "pu",
                providerUser, "provider", provider, "ref", "c-" + userId + "-" + bank, "bank", bank);
    }

    public long account(long connectionId, long userId, String name, String balance) {
        return insert("""
                INSERT INTO accounts (connection_id, user_id, provider_account_id, name, type, currency, balance,
                                      created_at, updated_at)
                VALUES (:connection, :user, :ref, :name, 'checking', 'EUR', :balance, :now, :now)""", "connection",
                connectionId, "user", userId, "ref", name, "name", name, "balance", new BigDecimal(balance));
    }

    public long transaction(long accountId, long userId, String ref, LocalDate date, String amount, boolean pending,
            @Nullable Instant deleted) {
        return insert(
                """
                        INSERT INTO transactions (account_id, user_id, provider_transaction_id, booked_date, amount, currency,
                                                  original_wording, simplified_wording, pending, deleted_at, created_at,
                                                  updated_at)
                        VALUES (:account, :user, :ref, :date, :amount, 'EUR', :label, :label, :pending, :deleted, :now, :now)""",
                "account", accountId, "user", userId, "ref", ref, "date", date, "amount", new BigDecimal(amount),
                "label", "Label " + ref, "pending", pending, "deleted",
                deleted == null ? null : deleted.atOffset(ZoneOffset.UTC));
    }

    /** Marks a seeded transaction as made in another currency, for {@code amount} in {@code currency}. */
    public void original(long transactionId, String amount, String currency) {
        jdbc.sql("UPDATE transactions SET original_amount = :amount, original_currency = :currency WHERE id = :id")
                .param("amount", new BigDecimal(amount))
                .param("currency", currency)
                .param("id", transactionId)
                .update();
    }

    private long insert(String sql, @Nullable Object... namesAndValues) {
        var statement = jdbc.sql(sql).param("now", NOW);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        var keys = new GeneratedKeyHolder();
        statement.update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
