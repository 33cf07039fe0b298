package com.firesync.connection;

import java.time.Instant;

/**
 * A connection's consent ends soon: its user should renew it through {@code reconnectRoute} before it does, or the
 * connection stops reading then. Published once per connection and consent, in the database transaction that marks
 * the consent as announced.
 *
 * @param connectionId the connection
 * @param userId its owner
 * @param provider its provider
 * @param expiresAt when the consent ends
 * @param reconnectRoute where the user gets the renewal link
 */
public record ConsentExpiring(long connectionId, long userId, String provider, Instant expiresAt,
        String reconnectRoute) {
}
