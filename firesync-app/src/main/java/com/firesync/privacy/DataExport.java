package com.firesync.privacy;

import com.firesync.shared.DbTime;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes everything FireSync holds about a user as one JSON document, as it reads it: rows are read in batches of
 * {@value #BATCH} (keyset pages, each its own short query) and written out at once, so memory does not grow with the
 * number of transactions, on PostgreSQL as on H2 (which materialises a whole result). Only chosen columns are read:
 * never a token, a token hash, a ciphertext or a connect state.
 */
@Service
public class DataExport {

    static final int BATCH = 1_000;

    private static final String CONNECTIONS = """
            SELECT id, provider, provider_connection_id, bank_name, connector_uuid, state, provider_state, error_code,
                   last_attempt_at, last_success_at, created_at, updated_at, archived_at
            FROM connections WHERE user_id = :user AND (deleting_since IS NULL OR archived_at IS NOT NULL)
            ORDER BY id""";

    private static final String ACCOUNTS = """
            SELECT a.id, a.connection_id, a.provider_account_id, a.name, a.original_name, a.type, a.account_number,
                   a.iban, a.currency, a.balance, a.coming, a.disabled_at, a.deleted_at, a.created_at, a.updated_at,
                   c.archived_at
            FROM accounts a JOIN connections c ON c.id = a.connection_id
            WHERE a.user_id = :user AND (c.deleting_since IS NULL OR c.archived_at IS NOT NULL)
            ORDER BY a.id""";

    private static final String TRANSACTIONS = """
            SELECT id, account_id, provider_transaction_id, booked_date, value_date, operation_date, amount, currency,
                   original_wording, simplified_wording, wording, type, pending, deleted_at, created_at, updated_at
            FROM transactions WHERE user_id = :user""";

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final Clock clock;

    DataExport(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the user's export to {@code out}: {@code exportedAt}, {@code user}, {@code connections},
     * {@code accounts}, {@code transactions} (newest first, deleted ones included with their {@code deletedAt}).
     */
    public void write(long userId, OutputStream out) {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("exportedAt", clock.instant().toString());
            generator.writeName("user");
            jdbc.sql("SELECT id, name, role, created_at FROM users WHERE id = :user")
                    .param("user", userId)
                    .query(rs -> {
                        row(generator, rs);
                    });
            array(generator, "connections", CONNECTIONS, userId);
            array(generator, "accounts", ACCOUNTS, userId);
            generator.writeName("transactions");
            generator.writeStartArray();
            transactions(generator, userId);
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private void array(JsonGenerator generator, String name, String sql, long userId) {
        generator.writeName(name);
        generator.writeStartArray();
        jdbc.sql(sql).param("user", userId).query(rs -> {
            row(generator, rs);
        });
        generator.writeEndArray();
    }

    /**
     * Newest first, in keyset pages over the user's page index (booking date, id), as the transaction list reads.
     */
    private void transactions(JsonGenerator generator, long userId) {
        Set<Long> hidden = hiddenAccounts(userId);
        String filter = hidden.isEmpty() ? "" : " AND account_id NOT IN (:hidden)";
        @Nullable
        Key after = null;
        while (true) {
            var last = new Key[1];
            var count = new int[1];
            var statement = jdbc.sql(TRANSACTIONS + filter
                    + (after == null ? "" : " AND (booked_date, id) < (:afterDate, :afterId)")
                    + " ORDER BY booked_date DESC, id DESC LIMIT " + BATCH)
                    .param("user", userId);
            if (!hidden.isEmpty()) {
                statement = statement.param("hidden", hidden);
            }
            if (after != null) {
                statement = statement.param("afterDate", after.date()).param("afterId", after.id());
            }
            statement.query(rs -> {
                row(generator, rs);
                last[0] = new Key(rs.getObject("booked_date", LocalDate.class), rs.getLong("id"));
                count[0]++;
            });
            // the client reads as it goes: a slow one holds no query open
            generator.flush();
            if (count[0] < BATCH) {
                return;
            }
            after = last[0];
        }
    }

    private Set<Long> hiddenAccounts(long userId) {
        return new HashSet<>(jdbc.sql("""
                SELECT a.id FROM accounts a JOIN connections c ON c.id = a.connection_id
                WHERE c.user_id = :user AND c.deleting_since IS NOT NULL AND c.archived_at IS NULL""")
                .param("user", userId)
                .query(Long.class)
                .list());
    }

    /**
     * Writes the current row as an object: each column by its camel-cased name, instants as ISO-8601.
     */
    private static void row(JsonGenerator generator, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        generator.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            generator.writeName(camel(column));
            value(generator, rs, i, column, meta.getColumnType(i));
        }
        generator.writeEndObject();
    }

    private static void value(JsonGenerator generator, ResultSet rs, int index, String column, int type)
            throws SQLException {
        if (rs.getObject(index) == null) {
            generator.writeNull();
            return;
        }
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> generator.writeNumber(rs.getLong(index));
            case Types.NUMERIC, Types.DECIMAL -> generator.writeNumber(rs.getBigDecimal(index));
            case Types.BOOLEAN, Types.BIT -> generator.writeBoolean(rs.getBoolean(index));
            case Types.DATE -> generator.writeString(rs.getObject(index, LocalDate.class).toString());
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> generator.writeString(String.valueOf(DbTime.read(
                    rs, column)));
            default -> generator.writeString(rs.getString(index));
        }
    }

    private static String camel(String column) {
        var name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private record Key(LocalDate date, long id) {
    }
}
