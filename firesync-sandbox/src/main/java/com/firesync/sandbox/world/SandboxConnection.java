package com.firesync.sandbox.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A bank connection made through the webview, with the little state the API can change: sync count, SCA, refresh
 * and webhook times. Its data is derived from the world, frozen at the SCA instant while SCA is required.
 */
public final class SandboxConnection {

    /** The state a connection enters when the {@code sca} scenario trips, or its consent ends. */
    public static final String SCA_REQUIRED = "SCARequired";

    /** PSD2 consent lasts 180 days; a webview reconnect (SCA) renews it. */
    public static final Duration CONSENT = Duration.ofDays(180);

    private final long id;

    private final long userId;

    private final Bank bank;

    private final Scenario scenario;

    private final Instant created;

    private final int accountCount;

    private final AtomicInteger syncs = new AtomicInteger();

    private volatile @Nullable Instant scaSince;

    private volatile Instant lastRefresh;

    private volatile @Nullable Instant lastWebhook;

    private volatile Instant lastSyncAttempt;

    private volatile Instant consentUntil;

    SandboxConnection(long id, long userId, Bank bank, Scenario scenario, Instant created, int accountCount) {
        this.id = id;
        this.userId = userId;
        this.bank = bank;
        this.scenario = scenario;
        this.created = created;
        this.accountCount = accountCount;
        this.lastRefresh = created;
        this.lastSyncAttempt = created;
        this.consentUntil = created.plus(CONSENT);
    }

    static SandboxConnection restore(WorldState.Connection state) {
        var connection = new SandboxConnection(state.id(), state.userId(), state.bank(), state.scenario(),
                state.created(), state.accountCount());
        connection.syncs.set(state.syncs());
        connection.scaSince = state.scaSince();
        connection.lastRefresh = state.lastRefresh();
        connection.lastWebhook = state.lastWebhook();
        connection.lastSyncAttempt = state.lastSyncAttempt();
        if (state.consentUntil() != null) {
            connection.consentUntil = state.consentUntil();
        }
        return connection;
    }

    synchronized WorldState.Connection remembered() {
        return new WorldState.Connection(id, userId, bank, scenario, created, accountCount, syncs.get(), scaSince,
                lastRefresh, lastWebhook, lastSyncAttempt, consentUntil);
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public Bank bank() {
        return bank;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** When the connection was made: the aggregator's first sync. */
    public Instant created() {
        return created;
    }

    public List<Long> accountIds() {
        List<Long> ids = new ArrayList<>(accountCount);
        for (int index = 1; index <= accountCount; index++) {
            ids.add(id * 10 + index);
        }
        return ids;
    }

    /** {@code null} when the last sync succeeded, else a Powens connection state. */
    public @Nullable String state() {
        return scaSince == null ? null : SCA_REQUIRED;
    }

    /** The instant the visible data reflects: now, or the SCA instant while SCA is required. */
    public Instant dataInstant(Instant now) {
        Instant frozen = scaSince;
        Instant at = frozen != null && frozen.isBefore(now) ? frozen : now;
        return at.isBefore(created) ? created : at;
    }

    /**
     * Records one sync (a refresh or a first transaction page). Returns false when the sync fails because SCA is
     * required; the {@code sca:N} scenario lets N syncs succeed and then requires SCA.
     */
    public synchronized boolean sync(Instant now) {
        lastSyncAttempt = now;
        if (scaSince != null || consentEnded(now)) {
            return false;
        }
        if (scenario.is(Scenario.Kind.SCA) && syncs.incrementAndGet() > scenario.parameter()) {
            scaSince = now;
            return false;
        }
        lastRefresh = now;
        return true;
    }

    /**
     * Records a transaction list read, which the {@code sca} scenario counts as a sync without it being a refresh.
     * Returns false when SCA is required.
     */
    public synchronized boolean read(Instant now) {
        if (scaSince != null || consentEnded(now)) {
            return false;
        }
        if (scenario.is(Scenario.Kind.SCA) && syncs.incrementAndGet() > scenario.parameter()) {
            scaSince = now;
            return false;
        }
        return true;
    }

    /** A successful webview reconnect: SCA is done, the consent renewed and the sync count starts over. */
    public synchronized void reconnected(Instant now) {
        scaSince = null;
        syncs.set(0);
        lastRefresh = now;
        consentUntil = now.plus(CONSENT);
    }

    /** When the PSD2 consent ends: Powens' {@code expire}. */
    public Instant consentUntil() {
        return consentUntil;
    }

    /** An ended consent requires SCA from its end on, the data frozen there, as the {@code sca} scenario does. */
    private boolean consentEnded(Instant now) {
        if (now.isBefore(consentUntil)) {
            return false;
        }
        scaSince = consentUntil;
        return true;
    }

    public Instant lastRefresh() {
        return lastRefresh;
    }

    /** The last sync, successful or not: background refreshes are spaced from it. */
    public Instant lastSyncAttempt() {
        return lastSyncAttempt;
    }

    public @Nullable Instant lastWebhook() {
        return lastWebhook;
    }

    /** Records a delivered webhook covering changes up to {@code upTo}; deliveries may finish out of order. */
    public synchronized void webhookSent(Instant upTo) {
        Instant previous = lastWebhook;
        if (previous == null || upTo.isAfter(previous)) {
            lastWebhook = upTo;
        }
    }
}
