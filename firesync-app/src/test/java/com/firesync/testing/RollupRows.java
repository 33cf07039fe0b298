package com.firesync.testing;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A user's roll-ups and transfer marks as sorted text, to compare incrementally kept ones with a rebuild. */
public record RollupRows(List<String> accountDays, List<String> categoryDays, List<String> accountMonths,
        List<String> categoryMonths, List<String> transfers) {

    public static RollupRows read(JdbcClient jdbc, long userId) {
        return new RollupRows(rows(jdbc, """
                SELECT account_id || ' ' || booked_on || ' ' || currency || ' ' || CAST(flow AS VARCHAR) || ' '
                       || CAST(income AS VARCHAR) || ' ' || CAST(expenses AS VARCHAR) || ' ' || transfers
                FROM account_days WHERE user_id = :user ORDER BY 1""", userId), rows(jdbc, """
                SELECT account_id || ' ' || booked_on || ' ' || category_id || ' ' || CAST(income AS VARCHAR) || ' '
                       || CAST(expenses AS VARCHAR)
                FROM category_days WHERE user_id = :user ORDER BY 1""", userId), rows(jdbc, """
                SELECT account_id || ' ' || month_start || ' ' || currency || ' ' || CAST(income AS VARCHAR) || ' '
                       || CAST(expenses AS VARCHAR) || ' ' || transfers
                FROM account_months WHERE user_id = :user ORDER BY 1""", userId), rows(jdbc, """
                SELECT account_id || ' ' || month_start || ' ' || category_id || ' ' || CAST(income AS VARCHAR) || ' '
                       || CAST(expenses AS VARCHAR)
                FROM category_months WHERE user_id = :user ORDER BY 1""", userId), rows(jdbc, """
                SELECT debit_id || ' ' || credit_id || ' ' || debit_account || ' ' || credit_account
                FROM transfers WHERE user_id = :user ORDER BY 1""", userId));
    }

    private static List<String> rows(JdbcClient jdbc, String sql, long userId) {
        return jdbc.sql(sql).param("user", userId).query(String.class).list();
    }
}
