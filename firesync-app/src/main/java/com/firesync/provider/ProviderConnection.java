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
 * @param consentExpiresAt when the user's consent to read the connection ends (Enable Banking's
 *        {@code valid_until}), if the provider says
 */
public record ProviderConnection(String id, @Nullable String connectorUuid, String bankName, @Nullable String state,
        ConnectionHealth health, @Nullable Instant lastUpdate, @Nullable String errorMessage,
        @Nullable Instant consentExpiresAt) {

    /** A connection whose consent expiry the provider does not tell. */
    public ProviderConnection(String id, @Nullable String connectorUuid, String bankName, @Nullable String state,
            ConnectionHealth health, @Nullable Instant lastUpdate, @Nullable String errorMessage) {
        this(id, connectorUuid, bankName, state, health, lastUpdate, errorMessage, null);
    }
}
