package com.firesync.ledger;

import static java.util.stream.Collectors.joining;

import com.firesync.provider.ProviderTransaction;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * PostgreSQL: reads which transactions are stored already (and whether marked deleted) and inserts the others, set by
 * set. A small batch (an incremental sync's) is one statement, one array parameter per {@link TransactionColumn}; a
 * large one (a backfill's) reads the stored ids first, then copies the new rows in ({@code COPY ... FROM STDIN}, the
 * bulk load the backfill benchmark measures against, without the arrays' encoding on FireSync's side). One that
 * another writer stores meanwhile is neither, for the caller to merge: the array statement skips it, and a copy that
 * meets it is rolled back to before it and the batch goes through the array statement. A backfill writes hundreds of
 * thousands of rows; one {@code MERGE} each would be an order of magnitude slower.
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

    /** Which of a batch's ids the account has, and whether each is marked deleted. */
    static final String STORED = """
            SELECT t.provider_transaction_id, t.deleted_at IS NOT NULL
            FROM unnest(CAST(:ids AS VARCHAR[])) AS b(provider_transaction_id)
            JOIN transactions t ON t.account_id = CAST(:account AS BIGINT)
                AND t.provider_transaction_id = b.provider_transaction_id""";

    static final String COPY = ("COPY transactions (account_id, user_id, %s, created_at, updated_at, change_version,"
            + " created_version) FROM STDIN").formatted(names());

    /** The fewest rows a batch has for its new rows to be copied rather than go in the array statement. */
    static final int COPY_FROM = 500;

    private final NamedParameterJdbcTemplate named;

    PostgresTransactionInserts(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    @Override
    public Inserted insertNew(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> distinct, OffsetDateTime now, long version) {
        if (distinct.size() < COPY_FROM) {
            return insertInOneStatement(accountId, userId, accountCurrency, distinct, now, version);
        }
        Map<String, Boolean> existing = new HashMap<>();
        named.query(STORED, new MapSqlParameterSource("account", accountId).addValue("ids",
                new SqlArrayValue("text", distinct.stream().map(ProviderTransaction::id).toArray())),
                rs -> {
                    existing.put(rs.getString(1), rs.getBoolean(2));
                });
        List<ProviderTransaction> fresh = distinct.stream().filter(row -> !existing.containsKey(row.id())).toList();
        if (fresh.isEmpty()) {
            return new Inserted(Set.of(), existing);
        }
        boolean copied = Objects.requireNonNull(named.getJdbcTemplate().execute((Connection connection) -> {
            Savepoint before = connection.setSavepoint();
            try {
                TransactionCopy.copy(connection.unwrap(PGConnection.class).getCopyAPI(), COPY,
                        TransactionCopy.rows(accountId, userId, accountCurrency, fresh, now, version));
            } catch (PSQLException e) {
                if (!PSQLState.UNIQUE_VIOLATION.getState().equals(e.getSQLState())) {
                    throw e;
                }
                // another writer stored one of them meanwhile: the array statement leaves those to the caller
                connection.rollback(before);
                return false;
            }
            connection.releaseSavepoint(before);
            return true;
        }));
        if (!copied) {
            return insertInOneStatement(accountId, userId, accountCurrency, distinct, now, version);
        }
        return new Inserted(fresh.stream().map(ProviderTransaction::id).collect(Collectors.toSet()), existing);
    }

    private Inserted insertInOneStatement(long accountId, long userId, @Nullable String accountCurrency,
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
