package com.firesync.ledger;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a transaction list asks for. Every field but the limit is optional.
 *
 * @param accountId only this account's transactions
 * @param from booked on or after this date
 * @param to booked on or before this date
 * @param pending only pending ({@code true}) or only booked ({@code false}) transactions
 * @param search only those whose label or original label contains this text, ignoring case
 * @param after continue after this position (keyset pagination)
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 */
public record TransactionFilter(@Nullable Long accountId, @Nullable LocalDate from, @Nullable LocalDate to,
        @Nullable Boolean pending, @Nullable String search, @Nullable TransactionCursor after, int limit) {

    public static final int MAX_LIMIT = 500;

    public static final int MAX_SEARCH = 100;

    public static final int DEFAULT_LIMIT = 100;
}
