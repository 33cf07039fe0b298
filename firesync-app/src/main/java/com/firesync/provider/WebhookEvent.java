package com.firesync.provider;

import java.util.List;

/**
 * A provider webhook, read into provider records.
 */
public sealed interface WebhookEvent {

    /**
     * The provider refreshed a connection: its state, and its accounts with the transactions new or changed in that
     * refresh.
     *
     * @param providerUserId the provider's user id
     * @param connection the connection and its state after the refresh
     * @param accounts the connection's accounts
     * @param transactions the transactions the refresh added or changed
     */
    record ConnectionSynced(String providerUserId, ProviderConnection connection, List<ProviderAccount> accounts,
            List<ProviderTransaction> transactions) implements WebhookEvent {

        public ConnectionSynced {
            accounts = List.copyOf(accounts);
            transactions = List.copyOf(transactions);
        }
    }

    /**
     * The connection was deleted at the provider, with all its data.
     *
     * @param providerConnectionId the provider's connection id
     */
    record ConnectionDeleted(String providerConnectionId) implements WebhookEvent {
    }

    /**
     * An account was enabled or disabled at the provider.
     *
     * @param account the account as it is now
     */
    record AccountChanged(ProviderAccount account) implements WebhookEvent {
    }

    /**
     * An event FireSync does not act on: acknowledged and ignored.
     *
     * @param name the event's name, as far as it is known
     */
    record Ignored(String name) implements WebhookEvent {
    }
}
