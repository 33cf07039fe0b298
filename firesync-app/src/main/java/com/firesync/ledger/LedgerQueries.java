package com.firesync.ledger;

import com.firesync.shared.DbTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the ledger for the API. Every query takes the user it answers for and never returns another user's rows.
 */
@Service
public class LedgerQueries {

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user's accounts that still exist at the bank, by bank then name.
     */
    public List<AccountView> accounts(long userId) {
        return jdbc.sql("""
                SELECT a.id, a.connection_id, c.bank_name, a.name, a.type, a.currency, a.balance, a.coming,
                       a.updated_at, a.disabled_at, c.archived_at
                FROM accounts a JOIN connections c ON c.id = a.connection_id
                WHERE a.user_id = :user AND a.deleted_at IS NULL
                  AND (c.deleting_since IS NULL OR c.archived_at IS NOT NULL)
                ORDER BY c.bank_name, a.name, a.id""")
                .param("user", userId)
                .query((rs, row) -> new AccountView(rs.getLong("id"), rs.getLong("connection_id"),
                        rs.getString("bank_name"), rs.getString("name"), rs.getString("type"), rs.getString("currency"),
                        amount(rs.getBigDecimal("balance")), amount(rs.getBigDecimal("coming")),
                        Objects.requireNonNull(DbTime.read(rs, "updated_at")), rs.getObject("disabled_at") != null,
                        rs.getObject("archived_at") != null))
                .list();
    }

    /**
     * Whether the account exists and is the user's.
     */
    public boolean ownsAccount(long userId, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = :account AND user_id = :user")
                .param("account", accountId)
                .param("user", userId)
                .query(Long.class)
                .single() > 0;
    }

    /**
     * The page query. The user's accounts on their way out ({@code ending}: usually none) are found in the same
     * statement, not by a query of their own on every page: those of a connection being deleted are hidden until the
     * deletion ends, those of a connection deleted with its history kept are flagged archived. The hidden ones are left
     * out with {@code NOT IN}, a filter, not {@code NOT EXISTS}: PostgreSQL estimates such an anti-join with the
     * (empty) list at one row, and then joined each of an account's ten thousand rows to a full scan of
     * {@code transfers} (9 s a page at a million rows, against 1 ms).
     */
    private static final String PAGE = """
            WITH ending AS (
                SELECT a.id, c.archived_at IS NOT NULL AS archived
                FROM accounts a JOIN connections c ON c.id = a.connection_id
                WHERE c.user_id = :user AND (c.deleting_since IS NOT NULL OR c.archived_at IS NOT NULL))
            SELECT t.id, t.account_id, t.booked_date, t.value_date, t.amount, t.currency, t.wording,
                   t.simplified_wording, t.original_wording, t.type, t.pending, t.original_amount,
                   t.original_currency,
                   EXISTS (SELECT 1 FROM ending e WHERE e.id = t.account_id AND e.archived) AS archived,
                   td.debit_id, td.credit_account, tc.debit_id, tc.debit_account
            FROM transactions t
            LEFT JOIN transfers td ON td.debit_id = t.id
            LEFT JOIN transfers tc ON tc.credit_id = t.id
            WHERE t.user_id = :user AND t.deleted_at IS NULL
              AND t.account_id NOT IN (SELECT e.id FROM ending e WHERE NOT e.archived)""";

    /**
     * One page of the user's transactions, newest first (booking date, then id), deleted ones left out. Fetches one
     * row more than asked to know whether another page follows.
     */
    public TransactionPage transactions(long userId, TransactionFilter filter) {
        PageQuery query = pageQuery(userId, filter);
        List<TransactionView> rows = jdbc.sql(query.sql()).params(query.params())
                .query((rs, row) -> transaction(rs))
                .list();
        if (rows.size() <= filter.limit()) {
            return new TransactionPage(rows, null);
        }
        List<TransactionView> page = rows.subList(0, filter.limit());
        TransactionView last = page.getLast();
        return new TransactionPage(List.copyOf(page), new TransactionCursor(last.date(), last.id()));
    }

    /**
     * The statement {@link #transactions} runs for a filter, with its named parameters and their values: also what the
     * {@code api_read} benchmark has pgbench run, so that its anchor does the same work.
     */
    public static PageQuery pageQuery(long userId, TransactionFilter filter) {
        var sql = new StringBuilder(PAGE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user", userId);
        condition(sql, params, " AND t.account_id = :account", "account", filter.accountId());
        condition(sql, params, " AND t.booked_date >= :from", "from", filter.from());
        condition(sql, params, " AND t.booked_date <= :to", "to", filter.to());
        condition(sql, params, " AND t.pending = :pending", "pending", filter.pending());
        condition(sql, params, SEARCH, "search", likePattern(filter.search()));
        TransactionCursor after = filter.after();
        if (after != null) {
            sql.append(" AND (t.booked_date, t.id) < (:afterDate, :afterId)");
            params.put("afterDate", after.date());
            params.put("afterId", after.id());
        }
        // the limit is written into the statement, not sent as a parameter: PostgreSQL plans a parameter's limit as a
        // tenth of the rows, so the plan it could keep for the statement (a generic plan) looks far dearer than one made
        // for the values, and it planned the statement anew on every execution (pgbench on the api_read mix at a million
        // rows: 4,200 statements a second so, 5,300 with the number written in); only a number goes in, and the text
        // varies only with the few page sizes clients ask for
        sql.append(" ORDER BY t.booked_date DESC, t.id DESC LIMIT ").append(filter.limit() + 1);
        return new PageQuery(sql.toString(), params);
    }

    /**
     * A page query: SQL with named parameters ({@code :user}) and their values, in the order they appear.
     *
     * @param sql the statement
     * @param params each parameter's value: a number, a date, a boolean or text
     */
    public record PageQuery(String sql, Map<String, Object> params) {
    }

    /** The label as shown ({@code wording}, else {@code simplified_wording}) or the bank's original one. */
    private static final String SEARCH = " AND (LOWER(COALESCE(t.wording, t.simplified_wording)) LIKE :search ESCAPE '\\'"
            + " OR LOWER(t.original_wording) LIKE :search ESCAPE '\\')";

    private static @Nullable String likePattern(@Nullable String search) {
        if (search == null) {
            return null;
        }
        String escaped = search.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * The user's accounts whose connection is being deleted (hidden until the deletion ends) or was deleted with its
     * history kept (archived): usually none, so the page query stays as it is.
     */
    EndOfLife endOfLife(long userId) {
        Set<Long> hidden = new HashSet<>();
        Set<Long> archived = new HashSet<>();
        jdbc.sql("""
                SELECT a.id, c.archived_at FROM accounts a JOIN connections c ON c.id = a.connection_id
                WHERE c.user_id = :user AND (c.deleting_since IS NOT NULL OR c.archived_at IS NOT NULL)""")
                .param("user", userId)
                .query(rs -> {
                    (rs.getObject("archived_at") == null ? hidden : archived).add(rs.getLong("id"));
                });
        return new EndOfLife(hidden, archived);
    }

    record EndOfLife(Set<Long> hidden, Set<Long> archived) {
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name,
            @Nullable Object value) {
        if (value != null) {
            sql.append(clause);
            params.put(name, value);
        }
    }

    /**
     * Reads the columns by position (in the order of the SELECT above): looking each up by name costs more than the
     * rest of the mapping.
     */
    private static TransactionView transaction(ResultSet rs) throws SQLException {
        return transaction(rs, rs.getBoolean(14), transfer(rs, 15));
    }

    /**
     * A change feed row, whose account's archived flag the feed knows from {@link #endOfLife}, with its transfer mark
     * in the four columns from {@code transferColumn} (as the page query selects them).
     */
    static TransactionView transaction(ResultSet rs, Set<Long> archived, int transferColumn) throws SQLException {
        return transaction(rs, archived.contains(rs.getLong(2)), transfer(rs, transferColumn));
    }

    private static TransactionView transaction(ResultSet rs, boolean archived,
            TransactionView.@Nullable Transfer transfer) throws SQLException {
        String label = rs.getString(7);
        if (label == null) {
            label = rs.getString(8);
        }
        return new TransactionView(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), Objects.requireNonNull(amount(rs.getBigDecimal(5))), rs.getString(6),
                label,
                rs.getString(9), rs.getString(10), rs.getBoolean(11), amount(rs.getBigDecimal(12)), rs.getString(13),
                archived, transfer);
    }

    /** The transfer mark: the debit side's id and credit account, or the credit side's debit id and account. */
    private static TransactionView.@Nullable Transfer transfer(ResultSet rs, int column) throws SQLException {
        long debit = rs.getLong(column);
        if (!rs.wasNull()) {
            return new TransactionView.Transfer(debit, rs.getLong(column + 1));
        }
        long credit = rs.getLong(column + 2);
        return rs.wasNull() ? null : new TransactionView.Transfer(credit, rs.getLong(column + 3));
    }

    /**
     * Amounts are stored with four decimals; they are shown with as many as they need, at least two.
     */
    static @Nullable BigDecimal amount(@Nullable BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 2 ? stored.setScale(2) : stripped;
    }

    /**
     * Counts the accounts of every user, deleted ones left out.
     */
    public long countAccounts() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE deleted_at IS NULL").query(Long.class).single();
    }

    /**
     * Counts the transactions of every user, deleted ones left out.
     */
    public long countTransactions() {
        return jdbc.sql("SELECT COUNT(*) FROM transactions WHERE deleted_at IS NULL").query(Long.class).single();
    }
}
