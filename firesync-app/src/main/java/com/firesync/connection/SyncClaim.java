package com.firesync.connection;

import com.firesync.provider.ProviderToken;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A running sync's hold on a connection, with what the sync needs to call the provider.
 *
 * @param connectionId FireSync's id
 * @param userId the owner
 * @param provider the provider's name
 * @param providerConnectionId the provider's id
 * @param instance the instance holding the claim
 * @param cursor the provider's last change committed so far, if any
 * @param lastReconciledAt when the trailing window was last re-read in full
 * @param createdAt when the connection was linked: its synced history starts a backfill period before that day
 * @param token what reads the connection at the provider (a secret; its {@code toString} hides it)
 * @param consentExpiresAt when the user's consent ends, as the provider last said
 * @param bankHistoryFrom the first day the bank listed at the last sync, when it listed less than the synced history
 */
public record SyncClaim(long connectionId, long userId, String provider, String providerConnectionId, String instance,
        @Nullable Instant cursor, @Nullable Instant lastReconciledAt, Instant createdAt, ProviderToken token,
        @Nullable Instant consentExpiresAt, @Nullable LocalDate bankHistoryFrom) {
}
