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
 */
public record ConnectionStateChanged(long connectionId, long userId, ConnectionState from, ConnectionState to,
        @Nullable String providerState, Instant at) {
}
