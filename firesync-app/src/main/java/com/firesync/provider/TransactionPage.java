package com.firesync.provider;

import java.util.List;

/**
 * One page of a transaction listing, handed over as soon as it is read so that the caller can commit it before the
 * next one is fetched.
 *
 * @param number the page's position, from 1
 * @param transactions the page's transactions, in the provider's order
 * @param last whether no page follows
 */
public record TransactionPage(int number, List<ProviderTransaction> transactions, boolean last) {

    public TransactionPage {
        transactions = List.copyOf(transactions);
    }
}
