package com.firesync.ledger;

import com.firesync.shared.UserLocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
     * Marks again the user's transfers of the given amounts (either sign; {@code null}: every amount) whose debit is
     * booked from {@code from} to {@code to}, and answers what moved: the rows whose mark came or went, their accounts
     * and the days they lie on. The caller gives those rows a new change version with {@link #announce}, once, as the
     * last write of its transaction: that takes the user's change head, which every write of the user's ledger waits
     * for until it commits.
     */
    public Remarked remark(long userId, LocalDate from, LocalDate to, @Nullable Collection<BigDecimal> amounts) {
        List<BigDecimal> sizes = amounts == null ? null : amounts.stream().map(BigDecimal::abs).distinct().toList();
        if (sizes != null && sizes.isEmpty()) {
            return Remarked.NOTHING;
        }
        lock(userId);
        Set<Pair> before = pairs(userId, from, to, sizes);
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user AND debit_date BETWEEN :from AND :to"
                + amountFilter(sizes))
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .params(sizes == null ? Map.of() : Map.of("sizes", sizes))
                .update();
        jdbc.sql(sizes == null ? MARK_ALL : MARK_AMOUNTS)
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("outerFrom", from.minusDays(REMARK_DAYS))
                .param("outerTo", to.plusDays(REMARK_DAYS))
                .params(sizes == null ? Map.of() : Map.of("debits", sizes.stream().map(BigDecimal::negate).toList()))
                .update();
        return Remarked.of(before, pairs(userId, from, to, sizes));
    }

    /** Limits a statement on {@code transfers} to the given sizes ({@code null}: any). */
    private static String amountFilter(@Nullable List<BigDecimal> sizes) {
        return sizes == null ? "" : " AND amount IN (:sizes)";
    }

    /**
     * What a re-marking moved: the pairs that came or went, and nothing else. A row whose mark stayed keeps its
     * roll-ups; one whose mark moved lies on its account within {@link #WINDOW_DAYS} of its pair's debit.
     *
     * @param rows the rows whose mark came or went
     * @param accounts those rows' accounts
     * @param from the first day such a row may lie on ({@code null} when none moved)
     * @param to the last such day ({@code null} when none moved)
     */
    public record Remarked(Set<Long> rows, Set<Long> accounts, @Nullable LocalDate from, @Nullable LocalDate to) {

        static final Remarked NOTHING = new Remarked(Set.of(), Set.of(), null, null);

        /** The pairs (debit and credit) in one set and not the other. */
        static Remarked of(Set<Pair> before, Set<Pair> after) {
            Set<Long> rows = new HashSet<>();
            Set<Long> accounts = new HashSet<>();
            LocalDate first = null;
            LocalDate last = null;
            for (Set<Pair> side : List.of(before, after)) {
                Set<List<Long>> other = (side == before ? after : before).stream()
                        .map(Pair::rowIds)
                        .collect(Collectors.toSet());
                for (Pair pair : side) {
                    if (other.contains(pair.rowIds())) {
                        continue;
                    }
                    rows.add(pair.debit());
                    rows.add(pair.credit());
                    accounts.add(pair.debitAccount());
                    accounts.add(pair.creditAccount());
                    first = first == null || pair.debitDate().isBefore(first) ? pair.debitDate() : first;
                    last = last == null || pair.debitDate().isAfter(last) ? pair.debitDate() : last;
                }
            }
            return first == null || last == null
                    ? NOTHING
                    : new Remarked(rows, accounts, first.minusDays(WINDOW_DAYS), last.plusDays(WINDOW_DAYS));
        }
    }

    /** A marked pair: its two rows, their accounts, and the debit's day (the credit's is within the window). */
    record Pair(long debit, long credit, long debitAccount, long creditAccount, LocalDate debitDate) {

        List<Long> rowIds() {
            return List.of(debit, credit);
        }
    }

    /**
     * Gives the rows whose mark came or went a new change version: the change feed shows a row's {@code transfer}, so
     * a client following it gets them again, as modified.
     */
    public void announce(long userId, Collection<Long> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE transactions SET change_version = :version WHERE user_id = :user AND id IN (:ids)")
                .param("version", versions.next(userId))
                .param("user", userId)
                .param("ids", rows)
                .update();
    }

    /**
     * The user's marked pairs whose debit is booked from {@code from} to {@code to}, of the given sizes
     * ({@code null}: any).
     */
    private Set<Pair> pairs(long userId, LocalDate from, LocalDate to, @Nullable List<BigDecimal> sizes) {
        return new HashSet<>(jdbc.sql("""
                SELECT debit_id, credit_id, debit_account, credit_account, debit_date FROM transfers
                WHERE user_id = :user AND debit_date BETWEEN :from AND :to""" + amountFilter(sizes))
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .params(sizes == null ? Map.of() : Map.of("sizes", sizes))
                .query((rs, row) -> new Pair(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class)))
                .list());
    }

    /** Marks all the user's transfers again from scratch. */
    @Transactional
    public void rebuild(long userId) {
        lock(userId);
        LocalDate first = LocalDate.of(1, 1, 1);
        LocalDate last = LocalDate.of(9999, 12, 31);
        Set<Pair> before = pairs(userId, first, last, null);
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user").param("user", userId).update();
        jdbc.sql(MARK_ALL)
                .param("user", userId)
                .param("from", LocalDate.of(1, 1, 1))
                .param("to", LocalDate.of(9999, 12, 31))
                .param("outerFrom", LocalDate.of(1, 1, 1))
                .param("outerTo", LocalDate.of(9999, 12, 31))
                .update();
        announce(userId, Remarked.of(before, pairs(userId, first, last, null)).rows());
    }

    /**
     * Holds the user's transfer marking until the caller's transaction ends, for a deletion of the user's rows: it
     * takes this first, as the marking does, so that the two never wait on each other's rows (the marking holds rows
     * a deletion cascades to and then waits for the user's change head, which a deletion takes before its rows).
     */
    public void hold(long userId) {
        lock(userId);
    }

    /**
     * Two writers of one user's rows mark one after the other: each locks the user's row of transfer_locks (created
     * once; a concurrent creation waits, then does nothing).
     */
    private void lock(long userId) {
        UserLocks.take(jdbc, "transfer_locks", "locked_at", userId, clock.instant());
    }
}
