package com.firesync.ledger;

import static java.util.stream.Collectors.joining;

import com.firesync.provider.ProviderTransaction;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * PostgreSQL: one statement per batch, one array parameter per {@link TransactionColumn}, reads which transactions
 * are stored already (and whether marked deleted) and inserts the others. One that another writer stores meanwhile
 * is neither, for the caller to merge. A backfill writes hundreds of thousands of rows; one {@code MERGE} each would
 * be an order of magnitude slower.
 */
final class PostgresTransactionInserts implements TransactionInserts {

    /**
     * Answers a row per stored transaction ({@code inserted} false) and per inserted one ({@code inserted} true). The
     * ids are joined through the unique key: a long {@code IN} list lets the planner pick a scan of the whole account
     * filtered against every id, which slows down as the account grows.
     */
    static final String WRITE_NEW_TRANSACTIONS = """
            WITH batch AS (
                SELECT * FROM unnest(%s) AS r(%s)
            ), stored AS (
                SELECT t.provider_transaction_id, t.deleted_at
                FROM batch b
                JOIN transactions t ON t.account_id = CAST(:account AS BIGINT)
                    AND t.provider_transaction_id = b.provider_transaction_id
            ), inserted AS (
                INSERT INTO transactions (account_id, user_id, %s, created_at, updated_at, change_version,
                                          created_version)
                SELECT CAST(:account AS BIGINT), CAST(:user AS BIGINT), b.*, CAST(:now AS TIMESTAMP WITH TIME ZONE),
                       CAST(:now AS TIMESTAMP WITH TIME ZONE), CAST(:version AS BIGINT), CAST(:version AS BIGINT)
                FROM batch b
                WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.provider_transaction_id = b.provider_transaction_id)
                ON CONFLICT (account_id, provider_transaction_id) DO NOTHING
                RETURNING provider_transaction_id
            )
            SELECT provider_transaction_id, deleted_at IS NOT NULL AS deleted, FALSE AS inserted FROM stored
            UNION ALL
            SELECT provider_transaction_id, FALSE, TRUE FROM inserted""".formatted(
            TransactionColumn.ALL.stream()
                    .map(column -> "CAST(:" + column.name() + " AS " + column.sqlType() + "[])")
                    .collect(joining(", ")),
            names(), names());

    private final NamedParameterJdbcTemplate named;

    PostgresTransactionInserts(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    @Override
    public Inserted insertNew(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> distinct, OffsetDateTime now, long version) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("account", accountId)
                .addValue("user", userId)
                .addValue("now", now)
                .addValue("version", version);
        for (TransactionColumn column : TransactionColumn.ALL) {
            @Nullable
            String[] values = new @Nullable String[distinct.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = column.value().of(distinct.get(row), accountCurrency);
            }
            params.addValue(column.name(), new SqlArrayValue("text", (Object[]) values));
        }
        Set<String> inserted = new HashSet<>();
        Map<String, Boolean> existing = new HashMap<>();
        named.query(WRITE_NEW_TRANSACTIONS, params, rs -> {
            if (rs.getBoolean(3)) {
                inserted.add(rs.getString(1));
            } else {
                existing.put(rs.getString(1), rs.getBoolean(2));
            }
        });
        return new Inserted(inserted, existing);
    }

    private static String names() {
        return TransactionColumn.ALL.stream().map(TransactionColumn::name).collect(joining(", "));
    }
}
