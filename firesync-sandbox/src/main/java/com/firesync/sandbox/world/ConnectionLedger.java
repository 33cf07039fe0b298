package com.firesync.sandbox.world;

import java.time.Instant;
import java.util.List;

/**
 * Everything a connection shows at one instant: the expected ledger that a faithful sync must reproduce.
 *
 * @param connectionId the connection
 * @param at the instant the data reflects (frozen at the SCA instant while SCA is required)
 * @param accounts its accounts
 * @param transactions every visible transaction row, deleted ones included, newest first
 */
public record ConnectionLedger(long connectionId, Instant at, List<LedgerAccount> accounts,
        List<LedgerTransaction> transactions) {

    /** The rows a client holds after applying every change: those not deleted. */
    public List<LedgerTransaction> liveTransactions() {
        return transactions.stream().filter(t -> !t.isDeleted()).toList();
    }
}
