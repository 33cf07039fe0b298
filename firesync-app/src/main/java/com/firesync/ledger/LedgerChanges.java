package com.firesync.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the write path does after an account's rows changed, in the same transaction: marks again the transfers the
 * changed rows may move, then tells listeners (the analytics roll-ups) which accounts and days may differ.
 */
final class LedgerChanges {

    private final JdbcClient jdbc;

    private final Transfers transfers;

    private final ApplicationEventPublisher events;

    LedgerChanges(JdbcClient jdbc, Transfers transfers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.events = events;
    }

    /** The booking days and amounts of the account's stored rows among {@code providerIds}, before a rewrite. */
    Rows stored(long accountId, Collection<String> providerIds) {
        Rows rows = new Rows();
        if (providerIds.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                SELECT booked_date, amount FROM transactions
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("account", accountId)
                .param("ids", providerIds)
                .query(rs -> {
                    rows.add(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
                });
        return rows;
    }

    long owner(long accountId) {
        return Objects.requireNonNull(jdbc.sql("SELECT user_id FROM accounts WHERE id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single());
    }

    /** Re-marks the transfers that {@code rows} (their values before and after the change) may move, then tells. */
    void changed(long userId, long accountId, Rows rows) {
        DayRange range = new DayRange(rows.days);
        LocalDate first = range.first();
        LocalDate last = range.last();
        if (first == null || last == null) {
            return;
        }
        Set<Long> accounts = new HashSet<>(transfers.remark(userId, first.minusDays(Transfers.REMARK_DAYS),
                last.plusDays(Transfers.REMARK_DAYS), rows.amounts));
        accounts.add(accountId);
        events.publishEvent(new LedgerChanged(userId, Set.copyOf(accounts), first.minusDays(Transfers.REACH_DAYS),
                last.plusDays(Transfers.REACH_DAYS)));
    }

    /** The days and amounts of rows that changed, as they were and as they are. */
    static final class Rows {

        private final List<LocalDate> days = new ArrayList<>();

        private final Set<BigDecimal> amounts = new HashSet<>();

        Rows add(LocalDate day, BigDecimal amount) {
            days.add(day);
            amounts.add(amount.stripTrailingZeros());
            return this;
        }
    }
}
