package com.firesync.provider;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Which transactions to read. Deleted transactions are included by default: a sync must see them to remove them.
 *
 * @param connectionId only this connection's transactions, if set
 * @param accountId only this account's transactions, if set; with neither, all of the user's
 * @param minDate only transactions booked on or after this day, if set: always the booking date (Powens' {@code date},
 *        asked for with {@code filter=date}), never the user-editable application date, so that a window read here
 *        and a window of stored rows (on their booked date) hold the same rows
 * @param updatedAfter only transactions changed at the provider after this instant, if set (the incremental cursor;
 *        callers subtract their own safety overlap)
 * @param includeDeleted whether deleted transactions are returned too
 */
public record TransactionQuery(@Nullable String connectionId, @Nullable String accountId, @Nullable LocalDate minDate,
        @Nullable Instant updatedAfter,
        boolean includeDeleted) {

    /**
     * Every transaction of the user dated on or after {@code minDate}, deleted ones included: a backfill.
     */
    public static TransactionQuery since(LocalDate minDate) {
        return new TransactionQuery(null, null, minDate, null, true);
    }

    /**
     * Every transaction of the user changed after {@code cursor}, deleted ones included: an incremental pull. Powens'
     * older documentation says a listing without dates covers the last month only, so a caller that must not miss
     * older changes also sets {@code minDate} to the start of its synced history (see
     * {@link #withMinDate(LocalDate)}).
     */
    public static TransactionQuery changedAfter(Instant cursor) {
        return new TransactionQuery(null, null, null, cursor, true);
    }

    /**
     * The same query limited to transactions dated on or after {@code date}.
     */
    public TransactionQuery withMinDate(LocalDate date) {
        return new TransactionQuery(connectionId, accountId, date, updatedAfter, includeDeleted);
    }

    /**
     * The same query limited to one account.
     */
    public TransactionQuery forAccount(String account) {
        return new TransactionQuery(null, account, minDate, updatedAfter, includeDeleted);
    }

    /**
     * The same query limited to one connection: a sync reads its own connection's rows, not every connection of the
     * user's, in one listing whatever the number of accounts.
     */
    public TransactionQuery forConnection(String connection) {
        return new TransactionQuery(connection, null, minDate, updatedAfter, includeDeleted);
    }
}
