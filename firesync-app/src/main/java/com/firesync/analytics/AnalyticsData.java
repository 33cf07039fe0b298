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
        return byMonths(MonthSpan.of(from, to), """
                SELECT currency, EXTRACT(YEAR FROM on_day), EXTRACT(MONTH FROM on_day), SUM(income), SUM(expenses),
                       SUM(transfers)
                FROM (%s) r
                GROUP BY currency, EXTRACT(YEAR FROM on_day), EXTRACT(MONTH FROM on_day)""",
                "account", "currency, income, expenses, transfers", "")
                .param("user", userId)
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
        String key = byCategory ? "category_id, category_id" : "EXTRACT(YEAR FROM on_day), EXTRACT(MONTH FROM on_day)";
        return byMonths(MonthSpan.of(from, to), """
                SELECT currency, %1$s, SUM(expenses) FROM (%%s) r
                GROUP BY currency, %1$s""".formatted(key), "category", "currency, category_id, expenses",
                " AND expenses <> 0")
                .param("user", userId)
                .param("accounts", accounts)
                .query((rs, row) -> new Spent(Objects.requireNonNull(rs.getString(1)),
                        byCategory
                                ? Long.toString(rs.getLong(2))
                                : YearMonth.of(rs.getInt(2), rs.getInt(3)).toString(),
                        rs.getBigDecimal(4)))
                .list();
    }

    /**
     * A query over a roll-up's rows of a range: its whole months from the monthly table, its partial first and last
     * months from the daily one. {@code outer} groups the rows of the inner {@code day, <columns>} select.
     *
     * @param rollup {@code account} or {@code category}
     */
    private JdbcClient.StatementSpec byMonths(MonthSpan span, String outer, String rollup, String columns,
            String condition) {
        String inner = """
                SELECT month_start AS on_day, %2$s FROM %1$s_months
                WHERE user_id = :user AND month_start BETWEEN :firstMonth AND :lastMonth AND account_id IN (:accounts)%3$s
                UNION ALL
                SELECT booked_on AS on_day, %2$s FROM %1$s_days
                WHERE user_id = :user AND account_id IN (:accounts)%3$s
                  AND (booked_on BETWEEN :from AND :headTo OR booked_on BETWEEN :tailFrom AND :to)"""
                .formatted(rollup, columns, condition);
        return jdbc.sql(outer.formatted(inner))
                .param("firstMonth", span.firstMonth())
                .param("lastMonth", span.lastMonth())
                .param("from", span.from())
                .param("headTo", span.headTo())
                .param("tailFrom", span.tailFrom())
                .param("to", span.to());
    }

    /**
     * A range of days cut into whole months ({@code firstMonth} to {@code lastMonth}, their first days) and the days
     * before and after them ({@code from} to {@code headTo}, {@code tailFrom} to {@code to}); an empty part has its
     * bounds crossed.
     */
    record MonthSpan(LocalDate from, LocalDate headTo, LocalDate firstMonth, LocalDate lastMonth, LocalDate tailFrom,
            LocalDate to) {

        static MonthSpan of(LocalDate from, LocalDate to) {
            LocalDate wholeFrom = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
            LocalDate wholeTo = to.equals(YearMonth.from(to).atEndOfMonth()) ? to : to.withDayOfMonth(1).minusDays(1);
            if (wholeFrom.isAfter(wholeTo)) {
                return new MonthSpan(from, to, to.plusDays(1), to, to.plusDays(1), to);
            }
            return new MonthSpan(from, wholeFrom.minusDays(1), wholeFrom, wholeTo.withDayOfMonth(1),
                    wholeTo.plusDays(1), to);
        }
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
