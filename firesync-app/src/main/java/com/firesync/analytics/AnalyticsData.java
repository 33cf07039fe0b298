package com.firesync.analytics;

import com.firesync.ledger.AccountView;
import com.firesync.ledger.LedgerQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the figures are computed from: the user's visible accounts (through the ledger), their stored balances
 * and the roll-ups. Every read is scoped to the user.
 */
@Component
class AnalyticsData {

    private final JdbcClient jdbc;

    private final LedgerQueries ledger;

    AnalyticsData(JdbcClient jdbc, LedgerQueries ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The accounts the user sees, by id. */
    Map<Long, AccountView> accounts(long userId) {
        return ledger.accounts(userId).stream().collect(Collectors.toMap(AccountView::id, Function.identity()));
    }

    /** The stored balances of the user's accounts among {@code accounts}, oldest first. */
    List<Balance> balances(long userId, Collection<Long> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT b.account_id, b.snapshot_date, b.balance FROM balance_snapshots b
                JOIN accounts a ON a.id = b.account_id
                WHERE a.user_id = :user AND b.account_id IN (:accounts)
                ORDER BY b.snapshot_date""")
                .param("user", userId)
                .param("accounts", accounts)
                .query((rs, row) -> new Balance(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
    }

    /** What the given accounts' booked rows add up to per day, from {@code from} to {@code to}, oldest first. */
    List<Flow> flows(long userId, Collection<Long> accounts, LocalDate from, LocalDate to) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT account_id, booked_on, flow FROM account_days
                WHERE user_id = :user AND booked_on BETWEEN :from AND :to AND account_id IN (:accounts)
                ORDER BY booked_on""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("accounts", accounts)
                .query((rs, row) -> new Flow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
    }

    /** The user's income, expenses and transfer rows per currency and month, of the given accounts. */
    List<Month> months(long userId, Collection<Long> accounts, LocalDate from, LocalDate to) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT currency, EXTRACT(YEAR FROM booked_on), EXTRACT(MONTH FROM booked_on), SUM(income),
                       SUM(expenses), SUM(transfers)
                FROM account_days
                WHERE user_id = :user AND booked_on BETWEEN :from AND :to AND account_id IN (:accounts)
                GROUP BY currency, EXTRACT(YEAR FROM booked_on), EXTRACT(MONTH FROM booked_on)""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("accounts", accounts)
                .query((rs, row) -> new Month(Objects.requireNonNull(rs.getString(1)),
                        YearMonth.of(rs.getInt(2), rs.getInt(3)), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getInt(6)))
                .list();
    }

    /** The user's expenses per currency and category, or per currency and month, of the given accounts. */
    List<Spent> spent(long userId, Collection<Long> accounts, LocalDate from, LocalDate to, boolean byCategory) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        String key = byCategory
                ? "category_id, category_id"
                : "EXTRACT(YEAR FROM booked_on), EXTRACT(MONTH FROM booked_on)";
        return jdbc.sql("""
                SELECT currency, %1$s, SUM(expenses) FROM category_days
                WHERE user_id = :user AND booked_on BETWEEN :from AND :to AND account_id IN (:accounts)
                  AND expenses <> 0
                GROUP BY currency, %1$s""".formatted(key))
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("accounts", accounts)
                .query((rs, row) -> new Spent(Objects.requireNonNull(rs.getString(1)),
                        byCategory
                                ? Long.toString(rs.getLong(2))
                                : YearMonth.of(rs.getInt(2), rs.getInt(3)).toString(),
                        rs.getBigDecimal(4)))
                .list();
    }

    /** A balance the ledger stored for an account on a day (the bank's day of a sync). */
    record Balance(long accountId, LocalDate day, BigDecimal balance) {
    }

    /** What an account's booked rows of a day add up to. */
    record Flow(long accountId, LocalDate day, BigDecimal flow) {
    }

    /** One currency's month of the roll-ups, accounts merged. */
    record Month(String currency, YearMonth month, BigDecimal income, BigDecimal expenses, int transfers) {
    }

    /**
     * One currency's expenses of a category or a month.
     *
     * @param key the category id ({@code 0} for none) or the month as {@code YYYY-MM}
     */
    record Spent(String currency, String key, BigDecimal expenses) {
    }
}
