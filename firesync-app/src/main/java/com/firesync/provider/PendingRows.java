package com.firesync.provider;

import java.time.Period;

/**
 * Whether a provider's pending rows keep their id when they book, and if not, how long the booked row may take to
 * replace its pending self. Where ids are stable (Powens: a {@code coming} row books under its own id) the ledger
 * simply upserts by id. Where they are not (Enable Banking: a pending row has no {@code transaction_id} and its
 * {@code entry_reference}, if any, changes when it books), the ledger matches a row that arrives under a new key to
 * the pending row it replaces, so that the row keeps FireSync's id instead of being duplicated.
 *
 * @param stableIds whether a pending row books under the id it had while pending
 * @param window how many days after its pending date a row may book under a new key; a pending row that vanished
 *        stays a candidate for that long, then it is gone for good
 */
public record PendingRows(boolean stableIds, Period window) {

    /** Pending rows book under their own id: nothing to match. */
    public static final PendingRows STABLE = new PendingRows(true, Period.ZERO);

    /** Pending rows book under a new key within {@code window} of their pending date. */
    public static PendingRows replacedWithin(Period window) {
        return new PendingRows(false, window);
    }
}
