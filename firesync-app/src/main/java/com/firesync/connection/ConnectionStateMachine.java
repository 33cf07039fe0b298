package com.firesync.connection;

import static com.firesync.connection.ConnectionState.ACTIVE;
import static com.firesync.connection.ConnectionState.DISABLED;
import static com.firesync.connection.ConnectionState.FAILING;
import static com.firesync.connection.ConnectionState.NEEDS_USER_ACTION;
import static com.firesync.connection.ConnectionState.SYNCING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a connection's state may make; {@link ConnectionLifecycle} refuses any other. Staying in a state is not
 * a move (a sync that ends in the state a concurrent write already set): only {@code syncing → syncing} is one, a
 * sync taking over the expired claim of an instance that died. Being deleted is not a state but a mark beside it
 * ({@code deleting_since}, {@code archived_at}) that hides the connection whatever its state.
 */
final class ConnectionStateMachine {

    private static final Map<ConnectionState, Set<ConnectionState>> NEXT = new EnumMap<>(Map.of(
            // a sync claims it; the provider reports it needs the user, or deleted it
            ACTIVE, EnumSet.of(SYNCING, NEEDS_USER_ACTION, DISABLED),
            // the sync ends (or the user reconnects meanwhile); another sync takes over an expired claim; the
            // provider reports it needs the user, or deleted it, meanwhile
            SYNCING, EnumSet.of(ACTIVE, FAILING, NEEDS_USER_ACTION, SYNCING, DISABLED),
            // a retry claims it; the user reconnects; the provider reports it needs the user, or deleted it
            FAILING, EnumSet.of(SYNCING, ACTIVE, NEEDS_USER_ACTION, DISABLED),
            // the user reconnects (and its first sync claims it); the provider deleted it
            NEEDS_USER_ACTION, EnumSet.of(SYNCING, ACTIVE, DISABLED),
            // for good: a deleted connection is linked again as a new one
            DISABLED, EnumSet.noneOf(ConnectionState.class)));

    private ConnectionStateMachine() {
    }

    /**
     * Whether a connection may move from one state to another.
     */
    static boolean allows(ConnectionState from, ConnectionState to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }
}
