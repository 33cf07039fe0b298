package com.firesync.ledger;

import com.firesync.shared.DbTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks internal transfers: a booked debit of one account and the booked credit of the same amount and currency in
 * another account of the same user, at most {@link #WINDOW_DAYS} days apart. When the provider names a counterparty
 * IBAN that is not the other account's, the two are not paired. Each debit and credit ranks its candidates (a
 * matching IBAN first, then the nearest day, then the lowest id); two rows are paired when each is the other's first
 * choice. That rule is local: a row's candidates all have its amount, within a window, so a change of a row of
 * amount {@code v} on day {@code d} moves only marks of amount {@code |v|} whose debit is within two windows of
 * {@code d}; re-marking those gives what marking everything again gives.
 */
@Service
public class Transfers {

    /** How many days apart a transfer's two sides may be booked. */
    public static final int WINDOW_DAYS = 3;

    /** How far from a changed row the marks it moves may lie, on the debit's side. */
    public static final int REMARK_DAYS = 2 * WINDOW_DAYS;

    /** How far from a changed row the rows whose marks it moves may lie, either side. */
    public static final int REACH_DAYS = 3 * WINDOW_DAYS;

    private static final String MARK = """
            INSERT INTO transfers (debit_id, credit_id, user_id, debit_account, credit_account, amount, debit_date)
            SELECT debit_id, credit_id, :user, debit_account, credit_account, amount, debit_date FROM (
                SELECT d.id AS debit_id, c.id AS credit_id, d.account_id AS debit_account,
                       c.account_id AS credit_account, c.amount AS amount, d.booked_date AS debit_date,
                       ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY
                           CASE WHEN d.counterparty_iban = ca.iban THEN 0 ELSE 1 END,
                           ABS(c.booked_date - d.booked_date), c.id) AS debit_rank,
                       ROW_NUMBER() OVER (PARTITION BY c.id ORDER BY
                           CASE WHEN c.counterparty_iban = da.iban THEN 0 ELSE 1 END,
                           ABS(c.booked_date - d.booked_date), d.id) AS credit_rank
                FROM transactions d
                JOIN accounts da ON da.id = d.account_id
                JOIN transactions c ON c.user_id = d.user_id AND c.amount = -d.amount AND c.currency = d.currency
                    AND c.account_id <> d.account_id AND c.deleted_at IS NULL AND c.pending = FALSE
                    AND c.booked_date BETWEEN d.booked_date - %1$d AND d.booked_date + %1$d
                JOIN accounts ca ON ca.id = c.account_id
                WHERE d.user_id = :user AND d.amount < 0 AND d.deleted_at IS NULL AND d.pending = FALSE
                  AND d.booked_date BETWEEN :outerFrom AND :outerTo %2$s
                  AND (d.counterparty_iban IS NULL OR ca.iban IS NULL OR d.counterparty_iban = ca.iban)
                  AND (c.counterparty_iban IS NULL OR da.iban IS NULL OR c.counterparty_iban = da.iban)
            ) ranked
            WHERE debit_rank = 1 AND credit_rank = 1 AND debit_date BETWEEN :from AND :to""";

    private static final String MARK_AMOUNTS = MARK.formatted(WINDOW_DAYS, "AND d.amount IN (:debits)");

    private static final String MARK_ALL = MARK.formatted(WINDOW_DAYS, "");

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ChangeVersions versions;

    Transfers(JdbcClient jdbc, Clock clock, ChangeVersions versions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = versions;
    }

    /**
     * Marks again the user's transfers of the given amounts (either sign) whose debit is booked from {@code from} to
     * {@code to}, and answers the accounts whose marks may have moved.
     */
    public Set<Long> remark(long userId, LocalDate from, LocalDate to, Collection<BigDecimal> amounts) {
        List<BigDecimal> sizes = amounts.stream().map(BigDecimal::abs).distinct().toList();
        if (sizes.isEmpty()) {
            return Set.of();
        }
        lock(userId);
        Set<List<Long>> before = pairs(userId, from, to);
        Set<Long> accounts = new HashSet<>(marked(userId, from, to, sizes));
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user AND debit_date BETWEEN :from AND :to"
                + " AND amount IN (:sizes)")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("sizes", sizes)
                .update();
        jdbc.sql(MARK_AMOUNTS)
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("outerFrom", from.minusDays(REMARK_DAYS))
                .param("outerTo", to.plusDays(REMARK_DAYS))
                .param("debits", sizes.stream().map(BigDecimal::negate).toList())
                .update();
        accounts.addAll(marked(userId, from, to, sizes));
        announceMoved(userId, before, pairs(userId, from, to));
        return accounts;
    }

    /**
     * Marks again the user's transfers of any amount whose debit is booked from {@code from} to {@code to}, and
     * answers the accounts whose marks may have moved.
     */
    public Set<Long> remarkAll(long userId, LocalDate from, LocalDate to) {
        lock(userId);
        Set<List<Long>> before = pairs(userId, from, to);
        Set<Long> accounts = new HashSet<>(markedAll(userId, from, to));
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user AND debit_date BETWEEN :from AND :to")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql(MARK_ALL)
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("outerFrom", from.minusDays(REMARK_DAYS))
                .param("outerTo", to.plusDays(REMARK_DAYS))
                .update();
        accounts.addAll(markedAll(userId, from, to));
        announceMoved(userId, before, pairs(userId, from, to));
        return accounts;
    }

    /** The user's marked pairs (debit id, credit id) whose debit is booked from {@code from} to {@code to}. */
    private Set<List<Long>> pairs(long userId, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("""
                SELECT debit_id, credit_id FROM transfers
                WHERE user_id = :user AND debit_date BETWEEN :from AND :to""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                .list());
    }

    /**
     * Gives the rows whose mark came or went a new change version: the change feed shows a row's {@code transfer}, so
     * a client following it gets them again, as modified.
     */
    private void announceMoved(long userId, Set<List<Long>> before, Set<List<Long>> after) {
        Set<Long> moved = new HashSet<>();
        for (List<Long> pair : before) {
            if (!after.contains(pair)) {
                moved.addAll(pair);
            }
        }
        for (List<Long> pair : after) {
            if (!before.contains(pair)) {
                moved.addAll(pair);
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE transactions SET change_version = :version WHERE user_id = :user AND id IN (:ids)")
                .param("version", versions.next(userId))
                .param("user", userId)
                .param("ids", moved)
                .update();
    }

    private List<Long> markedAll(long userId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT debit_account, credit_account FROM transfers
                WHERE user_id = :user AND debit_date BETWEEN :from AND :to""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    /** Marks all the user's transfers again from scratch. */
    @Transactional
    public void rebuild(long userId) {
        lock(userId);
        LocalDate first = LocalDate.of(1, 1, 1);
        LocalDate last = LocalDate.of(9999, 12, 31);
        Set<List<Long>> before = pairs(userId, first, last);
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user").param("user", userId).update();
        jdbc.sql(MARK_ALL)
                .param("user", userId)
                .param("from", LocalDate.of(1, 1, 1))
                .param("to", LocalDate.of(9999, 12, 31))
                .param("outerFrom", LocalDate.of(1, 1, 1))
                .param("outerTo", LocalDate.of(9999, 12, 31))
                .update();
        announceMoved(userId, before, pairs(userId, first, last));
    }

    private List<Long> marked(long userId, LocalDate from, LocalDate to, List<BigDecimal> sizes) {
        return jdbc.sql("""
                SELECT debit_account, credit_account FROM transfers
                WHERE user_id = :user AND debit_date BETWEEN :from AND :to AND amount IN (:sizes)""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("sizes", sizes)
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .flatMap(List::stream)
                .toList();
    }

    /**
     * Two writers of one user's rows mark one after the other: each locks the user's row of transfer_locks (created
     * once; a concurrent creation waits, then does nothing).
     */
    private void lock(long userId) {
        jdbc.sql("INSERT INTO transfer_locks (user_id, locked_at) VALUES (:user, :now) ON CONFLICT DO NOTHING")
                .param("user", userId)
                .param("now", DbTime.at(clock.instant()))
                .update();
        jdbc.sql("SELECT user_id FROM transfer_locks WHERE user_id = :user FOR UPDATE")
                .param("user", userId)
                .query(Long.class)
                .list();
    }
}
