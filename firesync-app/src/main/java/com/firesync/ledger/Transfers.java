package com.firesync.ledger;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks internal transfers: a booked debit of one account and the booked credit of the same amount and currency in
 * another account of the same user, at most {@link #WINDOW_DAYS} days apart. When the provider names a counterparty
 * IBAN that is not the other account's, the two are not paired. Each debit and credit ranks its candidates (a
 * matching IBAN first, then the nearest day, then the lowest id); two rows are paired when each is the other's
 * first choice. That rule is local: whether a row is paired depends only on rows at most twice the window away, so
 * re-marking the days around a change gives what marking everything again gives.
 */
@Service
public class Transfers {

    /** How many days apart a transfer's two sides may be booked. */
    public static final int WINDOW_DAYS = 3;

    /** How far from the changed days the roll-ups of a write may differ: the marks move up to three windows away. */
    public static final int REACH_DAYS = 3 * WINDOW_DAYS;

    private static final String MARK = """
            INSERT INTO transfers (debit_id, credit_id, user_id, debit_account, credit_account, debit_date)
            SELECT debit_id, credit_id, :user, debit_account, credit_account, debit_date FROM (
                SELECT d.id AS debit_id, c.id AS credit_id, d.account_id AS debit_account,
                       c.account_id AS credit_account, d.booked_date AS debit_date,
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
                  AND d.booked_date BETWEEN :outerFrom AND :outerTo
                  AND (d.counterparty_iban IS NULL OR ca.iban IS NULL OR d.counterparty_iban = ca.iban)
                  AND (c.counterparty_iban IS NULL OR da.iban IS NULL OR c.counterparty_iban = da.iban)
            ) ranked
            WHERE debit_rank = 1 AND credit_rank = 1 AND debit_date BETWEEN :from AND :to""".formatted(WINDOW_DAYS);

    private final JdbcClient jdbc;

    Transfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks again the transfers whose debit is booked between {@code from} and {@code to}: their marks are all that
     * a change of the user's rows between {@code from + 2 windows} and {@code to - 2 windows} can move.
     */
    void remark(long userId, LocalDate from, LocalDate to) {
        jdbc.sql("SELECT id FROM accounts WHERE user_id = :user ORDER BY id FOR UPDATE")
                .param("user", userId)
                .query(Long.class)
                .list();
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user AND debit_date BETWEEN :from AND :to")
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql(MARK)
                .param("user", userId)
                .param("from", from)
                .param("to", to)
                .param("outerFrom", from.minusDays(2 * WINDOW_DAYS))
                .param("outerTo", to.plusDays(2 * WINDOW_DAYS))
                .update();
    }

    /** Marks all the user's transfers again from scratch. */
    @Transactional
    public void rebuild(long userId) {
        var range = jdbc.sql("SELECT MIN(booked_date), MAX(booked_date) FROM transactions WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new LocalDate[]{rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
        jdbc.sql("DELETE FROM transfers WHERE user_id = :user").param("user", userId).update();
        if (range[0] != null) {
            remark(userId, range[0], range[1]);
        }
    }
}
