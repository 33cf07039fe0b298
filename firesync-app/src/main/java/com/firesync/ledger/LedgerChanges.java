package com.firesync.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the write path does after rows changed, in the same transaction: marks the transfers around the changed days
 * again, then tells listeners (the analytics roll-ups) which days may differ.
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

    /** The booking days of the account's stored rows among {@code providerIds}, before they are rewritten. */
    DayRange storedDays(long accountId, Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return DayRange.EMPTY;
        }
        return jdbc.sql("""
                SELECT MIN(booked_date), MAX(booked_date) FROM transactions
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("account", accountId)
                .param("ids", providerIds)
                .query((rs, row) -> new DayRange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .single();
    }

    long owner(long accountId) {
        return Objects.requireNonNull(jdbc.sql("SELECT user_id FROM accounts WHERE id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single());
    }

    void changed(long userId, DayRange days) {
        LocalDate first = days.first();
        LocalDate last = days.last();
        if (first == null || last == null) {
            return;
        }
        int window = Transfers.WINDOW_DAYS;
        transfers.remark(userId, first.minusDays(2L * window), last.plusDays(2L * window));
        events.publishEvent(new LedgerChanged(userId, first.minusDays(Transfers.REACH_DAYS),
                last.plusDays(Transfers.REACH_DAYS)));
    }
}
