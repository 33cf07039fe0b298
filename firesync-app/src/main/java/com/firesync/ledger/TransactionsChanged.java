package com.firesync.ledger;

/**
 * A write changed some of an account's transactions. Published inside the write's database transaction.
 *
 * @param userId the owner
 * @param connectionId the account's connection
 * @param accountId the account
 * @param counts what changed
 * @param cursor the change-feed cursor just after this write
 */
public record TransactionsChanged(long userId, long connectionId, long accountId, WriteCounts counts, String cursor) {
}
