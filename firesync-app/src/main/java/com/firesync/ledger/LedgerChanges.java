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
 * What the write path tells when an account's rows changed: the days and amounts they had and have, so that the
 * transfer marks and the analytics roll-ups can be brought up to date once the change is committed.
 */
final class LedgerChanges {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    LedgerChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Adds the booking days and amounts of the account's stored rows among {@code providerIds}, before a rewrite. */
    void addStored(Rows rows, long accountId, Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                SELECT booked_date, amount FROM transactions
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("account", accountId)
                .param("ids", providerIds)
                .query(rs -> {
                    rows.add(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
                });
    }

    long owner(long accountId) {
        return Objects.requireNonNull(jdbc.sql("SELECT user_id FROM accounts WHERE id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single());
    }

    /** Tells listeners that the account's {@code rows} (their values before and after the change) changed. */
    void changed(long userId, long accountId, Rows rows) {
        DayRange range = new DayRange(rows.days);
        LocalDate first = range.first();
        LocalDate last = range.last();
        if (first != null && last != null) {
            events.publishEvent(new LedgerChanged(userId, accountId, first, last, Set.copyOf(rows.amounts)));
        }
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
