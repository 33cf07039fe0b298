package com.firesync.sandbox.world;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the world remembers, as plain values: its users (token generations, request counts) and connections
 * (scenario, sync counts, SCA, refreshes), and the last ids given out. Accounts and transactions are not in it: they
 * are computed from the seed, the ids and the clock, so a world restored from this state on the same seed shows the
 * same banks.
 */
public record WorldState(long lastUserId, long lastConnectionId, List<User> users, List<Connection> connections) {

    public WorldState {
        users = List.copyOf(users);
        connections = List.copyOf(connections);
    }

    /** A user: live token generations out of how many, and how many API calls its tokens made. */
    public record User(long id, Instant created, int tokenGenerations, List<Integer> liveTokens, long requests,
            List<Long> connectionIds) {

        public User {
            liveTokens = List.copyOf(liveTokens);
            connectionIds = List.copyOf(connectionIds);
        }
    }

    /**
     * A connection, with what its scenario and refreshes have done to it so far.
     *
     * @param consentUntil when its PSD2 consent ends ({@code null} in states saved before the sandbox told it: then
     *        180 days after {@code created})
     */
    public record Connection(long id, long userId, Bank bank, Scenario scenario, Instant created, int accountCount,
            int syncs, @Nullable Instant scaSince, Instant lastRefresh, @Nullable Instant lastWebhook,
            Instant lastSyncAttempt, @Nullable Instant consentUntil) {
    }
}
