package com.firesync.provider;

import java.util.List;

/**
 * A connection with its state and all its accounts, disabled and deleted ones included.
 *
 * @param connection the connection and its state
 * @param accounts its accounts
 */
public record ConnectionAccounts(ProviderConnection connection, List<ProviderAccount> accounts) {

    public ConnectionAccounts {
        accounts = List.copyOf(accounts);
    }
}
