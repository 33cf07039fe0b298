package com.firesync.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A user's transactions changed since a cursor, in change order: each row once, in its latest form, as added (new
 * to a client at that cursor), modified or removed. Rows of a connection being deleted are left out, as the
 * transaction listing leaves them out; its deletion expires the user's cursors.
 */
@Service
public class ChangeFeed {

    private static final String CHANGES = """
            SELECT t.id, t.account_id, t.booked_date, t.value_date, t.amount, t.currency, t.wording,
                   t.simplified_wording, t.original_wording, t.type, t.pending, t.original_amount,
                   t.original_currency, t.change_version, t.created_version, t.deleted_at,
                   td.debit_id, td.credit_account, tc.debit_id, tc.debit_account
            FROM transactions t
            LEFT JOIN transfers td ON td.debit_id = t.id
            LEFT JOIN transfers tc ON tc.credit_id = t.id
            WHERE t.user_id = :user AND (t.change_version, t.id) > (:version, :id)""";

    private final JdbcClient jdbc;

    private final LedgerQueries queries;

    private final ChangeVersions versions;

    ChangeFeed(JdbcClient jdbc, LedgerQueries queries, ChangeVersions versions) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.versions = versions;
    }

    /**
     * The user's changes after {@code cursor} ({@link ChangeCursor#START} for every transaction), at most
     * {@code limit} rows; nothing when the cursor is expired and the client must start again from none.
     */
    public Optional<ChangePage> changes(long userId, ChangeCursor cursor, int limit) {
        if (cursor.version() > 0 && cursor.version() < versions.floor(userId)) {
            return Optional.empty();
        }
        var endOfLife = queries.endOfLife(userId);
        var sql = new StringBuilder(CHANGES);
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        params.put("version", cursor.version());
        params.put("id", cursor.id());
        if (!endOfLife.hidden().isEmpty()) {
            sql.append(" AND t.account_id NOT IN (:hidden)");
            params.put("hidden", endOfLife.hidden());
        }
        // a number written in, as the page query's (LedgerQueries.pageQuery says why)
        sql.append(" ORDER BY t.change_version, t.id LIMIT ").append(limit + 1);
        List<Change> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> change(rs, endOfLife.archived()))
                .list();
        boolean hasMore = rows.size() > limit;
        List<Change> page = hasMore ? rows.subList(0, limit) : rows;
        return Optional.of(sort(page, cursor, hasMore));
    }

    private static ChangePage sort(List<Change> page, ChangeCursor cursor, boolean hasMore) {
        List<TransactionView> added = new ArrayList<>();
        List<TransactionView> modified = new ArrayList<>();
        List<ChangePage.Removed> removed = new ArrayList<>();
        for (Change change : page) {
            boolean known = compare(change.createdVersion(), change.row().id(), cursor) <= 0;
            if (change.removed()) {
                if (known) {
                    removed.add(new ChangePage.Removed(change.row().id(), change.row().accountId()));
                }
            } else {
                (known ? modified : added).add(change.row());
            }
        }
        ChangeCursor next = page.isEmpty()
                ? cursor
                : new ChangeCursor(page.getLast().version(), page.getLast().row().id());
        return new ChangePage(added, modified, removed, next, hasMore);
    }

    /** Orders a row's position against a cursor, as the feed does: by version, then id. */
    private static int compare(long version, long id, ChangeCursor cursor) {
        int byVersion = Long.compare(version, cursor.version());
        return byVersion != 0 ? byVersion : Long.compare(id, cursor.id());
    }

    private static Change change(ResultSet rs, Set<Long> archived) throws SQLException {
        return new Change(LedgerQueries.transaction(rs, archived, 17), rs.getLong(14), rs.getLong(15),
                rs.getObject(16) != null);
    }

    private record Change(TransactionView row, long version, long createdVersion, boolean removed) {
    }
}
