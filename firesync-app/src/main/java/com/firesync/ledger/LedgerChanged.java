package com.firesync.ledger;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside the writing transaction when a user's rows changed: whatever is derived per account and day from
 * the user's rows (transfer marks included) may differ for these accounts from {@code from} to {@code to}, and
 * nowhere else.
 *
 * @param userId the user whose ledger changed
 * @param accountIds the accounts whose rows or transfer marks may have changed
 * @param from the first day that may differ
 * @param to the last day that may differ
 */
public record LedgerChanged(long userId, Set<Long> accountIds, LocalDate from, LocalDate to) {
}
