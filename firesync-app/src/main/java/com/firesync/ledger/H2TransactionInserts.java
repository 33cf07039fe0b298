package com.firesync.ledger;

import com.firesync.provider.ProviderTransaction;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2 (and any database but PostgreSQL): inserts nothing, every row goes through the {@code MERGE}; reads which rows
 * are stored already, for the counts.
 */
final class H2TransactionInserts implements TransactionInserts {

    private final JdbcClient jdbc;

    H2TransactionInserts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Inserted insertNew(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> distinct, OffsetDateTime now, long version) {
        Map<String, Boolean> existing = new HashMap<>();
        jdbc.sql("""
                SELECT provider_transaction_id, deleted_at FROM transactions
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("account", accountId)
                .param("ids", distinct.stream().map(ProviderTransaction::id).toList())
                .query((rs, row) -> existing.put(rs.getString(1), rs.getObject(2) != null))
                .list();
        return new Inserted(Set.of(), existing);
    }
}
