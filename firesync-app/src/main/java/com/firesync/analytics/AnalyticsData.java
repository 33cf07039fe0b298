package com.firesync.analytics;

import com.firesync.ledger.AccountView;
import com.firesync.ledger.LedgerQueries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** The user's daily roll-ups on or before {@code to} of the given accounts, oldest first. */
    List<Day> days(long userId, Collection<Long> accounts, LocalDate from, LocalDate to) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        List<Day> days = new ArrayList<>();
        jdbc.sql("""
                SELECT account_id, booked_on, currency, flow, income, expenses, transfers FROM account_days
                WHERE user_id = :user AND booked_on BETWEEN :from AND :to ORDER BY booked_on""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    long account = rs.getLong(1);
                    if (accounts.contains(account)) {
                        days.add(new Day(account, rs.getObject(2, LocalDate.class),
                                Objects.requireNonNull(rs.getString(3)), rs.getBigDecimal(4), rs.getBigDecimal(5),
                                rs.getBigDecimal(6), rs.getInt(7)));
                    }
                });
        return days;
    }

    /** The user's expenses and income per category and day in the range, of the given accounts. */
    List<CategoryDay> categoryDays(long userId, Collection<Long> accounts, LocalDate from, LocalDate to) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        List<CategoryDay> days = new ArrayList<>();
        jdbc.sql("""
                SELECT account_id, booked_on, category_id, currency, income, expenses FROM category_days
                WHERE user_id = :user AND booked_on BETWEEN :from AND :to""")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    if (accounts.contains(rs.getLong(1))) {
                        days.add(new CategoryDay(rs.getObject(2, LocalDate.class), rs.getLong(3),
                                Objects.requireNonNull(rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6)));
                    }
                });
        return days;
    }

    /** A balance the ledger stored for an account on a day (the bank's day of a sync). */
    record Balance(long accountId, LocalDate day, BigDecimal balance) {
    }

    /** One account-day of the roll-ups. */
    record Day(long accountId, LocalDate day, String currency, BigDecimal flow, BigDecimal income,
            BigDecimal expenses, int transfers) {
    }

    /** One category-day of the roll-ups, accounts merged. */
    record CategoryDay(LocalDate day, long categoryId, String currency, BigDecimal income, BigDecimal expenses) {
    }
}
