package com.firesync.sandbox.world;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sandbox user created through {@code /auth/init}: the only per-user memory the sandbox holds is this object.
 */
public final class SandboxUser {

    private final long id;

    private final Instant created;

    private final Set<Integer> liveTokens = ConcurrentHashMap.newKeySet(2);

    private final AtomicInteger tokenGenerations = new AtomicInteger();

    private final AtomicLong requests = new AtomicLong();

    private final List<Long> connectionIds = new CopyOnWriteArrayList<>();

    private volatile Runnable changed = () -> {
    };

    SandboxUser(long id, Instant created) {
        this.id = id;
        this.created = created;
    }

    static SandboxUser restore(WorldState.User state) {
        var user = new SandboxUser(state.id(), state.created());
        user.tokenGenerations.set(state.tokenGenerations());
        user.liveTokens.addAll(state.liveTokens());
        user.requests.set(state.requests());
        user.connectionIds.addAll(state.connectionIds());
        return user;
    }

    WorldState.User remembered() {
        return new WorldState.User(id, created, tokenGenerations.get(), List.copyOf(liveTokens), requests.get(),
                connectionIds);
    }

    /** What to run after a change to remember: a token issued or revoked. */
    void onChange(Runnable listener) {
        this.changed = listener;
    }

    public long id() {
        return id;
    }

    public Instant created() {
        return created;
    }

    /** Starts a new token generation; tokens are derived from (user, generation), so only the number is kept. */
    public int newTokenGeneration(boolean revokePrevious) {
        int generation = tokenGenerations.incrementAndGet();
        if (revokePrevious) {
            liveTokens.clear();
        }
        liveTokens.add(generation);
        changed.run();
        return generation;
    }

    /**
     * Whether the Powens API ever issued this user a token: the users the Enable Banking face makes for its bank
     * customers never get one, and the Powens face's refreshes and webhooks leave them alone.
     */
    public boolean powensUser() {
        return tokenGenerations.get() > 0;
    }

    public boolean tokenLive(int generation) {
        return liveTokens.contains(generation);
    }

    public void revokeToken(int generation) {
        liveTokens.remove(generation);
        changed.run();
    }

    /** Counts this user's API calls: the sequence number that makes scenario faults deterministic. */
    /** How many {@code /users/me} calls this user's token made so far: what a client's sync cost the aggregator. */
    public long requestCount() {
        return requests.get();
    }

    public long nextRequest() {
        return requests.incrementAndGet();
    }

    public List<Long> connectionIds() {
        return List.copyOf(connectionIds);
    }

    void addConnection(long connectionId) {
        connectionIds.add(connectionId);
    }

    void removeConnection(long connectionId) {
        connectionIds.remove(Long.valueOf(connectionId));
    }
}
