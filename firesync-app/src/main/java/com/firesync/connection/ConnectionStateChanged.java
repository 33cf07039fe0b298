package com.firesync.connection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A connection moved from one state to another. Published in the database transaction that moves it.
 *
 * @param connectionId the connection
 * @param userId its owner
 * @param from the state it left
 * @param to the state it entered
 * @param providerState the provider's state code, when it explains the move
 * @param at when
 * @param provider the connection's provider ({@code null} in events recorded before connections had several)
 */
public record ConnectionStateChanged(long connectionId, long userId, ConnectionState from, ConnectionState to,
        @Nullable String providerState, Instant at, @Nullable String provider) {

    /** A move of a connection whose provider is not told. */
    public ConnectionStateChanged(long connectionId, long userId, ConnectionState from, ConnectionState to,
            @Nullable String providerState, Instant at) {
        this(connectionId, userId, from, to, providerState, at, null);
    }

    /**
     * Where the user repairs the connection or renews its consent: the same route for every provider, whose
     * {@link com.firesync.provider.BankingProvider#reconnectUrl adapter} knows how.
     */
    public String reconnectRoute() {
        return reconnectRoute(provider, connectionId);
    }

    static String reconnectRoute(@Nullable String provider, long connectionId) {
        return "/api/auth/" + (provider == null ? "powens" : provider) + "/url?reconnect=" + connectionId;
    }
}
