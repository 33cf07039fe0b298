package com.firesync.ledger;

import java.util.List;

/**
 * One page of a user's change feed.
 *
 * @param added transactions new to the client, in full
 * @param modified transactions the client holds that changed, in their latest form
 * @param removed transactions the client holds that are gone
 * @param next where the next page starts
 * @param hasMore whether more changes follow right now
 */
public record ChangePage(List<TransactionView> added, List<TransactionView> modified, List<Removed> removed,
        ChangeCursor next, boolean hasMore) {

    /**
     * A transaction that is gone.
     *
     * @param id its FireSync id
     * @param accountId its account
     */
    public record Removed(long id, long accountId) {
    }
}
