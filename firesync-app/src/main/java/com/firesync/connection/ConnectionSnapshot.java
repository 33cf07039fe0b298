package com.firesync.connection;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A connection as the sync policy and the status endpoint see it.
 *
 * @param id FireSync's connection id
 * @param userId the owner
 * @param bank the bank's name
 * @param state where the connection stands
 * @param providerState the provider's state code when it needs the user (e.g. {@code SCARequired})
 * @param errorCode the last failure's code
 * @param lastAttemptAt when a sync last started
 * @param lastSuccessAt when a sync last completed
 * @param consecutiveFailures failures since the last success
 * @param claimedUntil until when a running sync holds the connection
 * @param cursor the provider's last change committed so far
 * @param lastReconciledAt when the trailing window was last re-read in full
 * @param provider the provider the connection was made with ({@code powens}, {@code enablebanking})
 * @param consentExpiresAt when the user's consent ends, if the provider says
 * @param providerConnectionId the provider's id of the connection
 * @param bankHistoryFrom the first day the bank listed at the last sync, when it listed less than the synced history
 *        (a bank capping how far back it lists); rows older than that which were never stored cannot be read
 */
public record ConnectionSnapshot(long id, long userId, String bank, ConnectionState state,
        @Nullable String providerState, @Nullable String errorCode, @Nullable Instant lastAttemptAt,
        @Nullable Instant lastSuccessAt, int consecutiveFailures, @Nullable Instant claimedUntil,
        @Nullable Instant cursor, @Nullable Instant lastReconciledAt, String provider,
        @Nullable Instant consentExpiresAt, String providerConnectionId, @Nullable LocalDate bankHistoryFrom) {

    /**
     * Where the user repairs the connection (see {@link ConnectionStateChanged#reconnectRoute()}).
     */
    public String reconnectRoute() {
        return ConnectionStateChanged.reconnectRoute(provider, id);
    }
}
