package com.firesync.provider;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A link between a user and one bank at the provider.
 *
 * @param id the provider's connection id, kept as text
 * @param connectorUuid the provider's stable id of the bank connector, when known
 * @param bankName the bank's display name (the connector's name, or a placeholder naming the connector)
 * @param state the provider's state code exactly as sent ({@code null} when the last refresh succeeded); unknown
 *        codes are kept
 * @param health what {@code state} means for FireSync
 * @param lastUpdate the last successful refresh at the provider, if any
 * @param errorMessage the bank's message about the last failure, meant for the user, if any
 */
public record ProviderConnection(String id, @Nullable String connectorUuid, String bankName, @Nullable String state,
        ConnectionHealth health, @Nullable Instant lastUpdate, @Nullable String errorMessage) {
}
