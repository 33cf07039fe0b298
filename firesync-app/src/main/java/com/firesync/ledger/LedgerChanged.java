package com.firesync.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Published by the write path when rows of an account changed (added, changed, booked, removed). Listeners act once
 * the change is committed: the transfer marks and roll-ups it may move lie around these days, for these amounts.
 *
 * @param userId the account's owner
 * @param accountId the account whose rows changed
 * @param from the earliest day of a changed row, as it was or as it is
 * @param to the latest such day
 * @param amounts the changed rows' amounts, as they were and as they are
 */
public record LedgerChanged(long userId, long accountId, LocalDate from, LocalDate to, Set<BigDecimal> amounts) {
}
