package com.firesync.provider;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of a transaction listing, handed over as soon as it is read so that the caller can commit it before the
 * next one is fetched.
 *
 * @param number the page's position, from 1
 * @param transactions the page's transactions, in the provider's order
 * @param last whether no page follows
 * @param listedFrom per provider account id, the first day (booking date) the listing of that account covers when
 *        the provider listed a shorter period than asked (a bank that caps how far back it lists); an account not
 *        named was listed as asked. A caller drawing conclusions from what is not listed (a reconciliation) must not
 *        draw them before this day
 */
public record TransactionPage(int number, List<ProviderTransaction> transactions, boolean last,
        Map<String, LocalDate> listedFrom) {

    public TransactionPage {
        transactions = List.copyOf(transactions);
        listedFrom = Map.copyOf(listedFrom);
    }

    /** A page of a listing that covered the whole period asked. */
    public TransactionPage(int number, List<ProviderTransaction> transactions, boolean last) {
        this(number, transactions, last, Map.of());
    }
}
