package com.firesync.ledger;

import java.time.LocalDate;

/**
 * Published inside the writing transaction when a user's booked rows changed: whatever is derived from the user's
 * rows per day may differ between {@code from} and {@code to} (transfer marks included), and nowhere else.
 *
 * @param userId the user whose ledger changed
 * @param from the first day that may differ
 * @param to the last day that may differ
 */
public record LedgerChanged(long userId, LocalDate from, LocalDate to) {
}
