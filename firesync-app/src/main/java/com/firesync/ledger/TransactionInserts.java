package com.firesync.ledger;

import com.firesync.provider.ProviderTransaction;
import com.firesync.runtime.DatabaseKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The step of writing a batch of one account's transactions that depends on the database, one implementation per
 * database: it inserts the transactions not stored yet where the database has a faster way than the row by row
 * {@code MERGE}, and tells which of the others are stored already. The {@code MERGE} then handles what it did not
 * insert.
 */
interface TransactionInserts {

    /**
     * Inserts what it can of a batch of distinct transactions (one per provider id) of one account.
     *
     * @param accountCurrency the account's currency as the provider sent it, for rows that carry none
     * @param version the change version the inserted rows carry
     */
    Inserted insertNew(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> distinct, OffsetDateTime now, long version);

    /** The implementation for the configured database; one that is not PostgreSQL gets the standard SQL path. */
    static TransactionInserts of(@Nullable DatabaseKind database, NamedParameterJdbcTemplate named, JdbcClient jdbc) {
        return database == DatabaseKind.POSTGRESQL
                ? new PostgresTransactionInserts(named)
                : new H2TransactionInserts(jdbc);
    }

    /**
     * What {@link #insertNew} found.
     *
     * @param inserted the provider ids it inserted
     * @param existing the provider ids stored before it ran, each with whether the stored row is marked deleted
     */
    record Inserted(Set<String> inserted, Map<String, Boolean> existing) {
    }
}
