package com.firesync.sync;

import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.ConnectionState;
import com.firesync.sync.QuotaPlanner.Quota;
import com.firesync.sync.SyncDecision.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a connection syncs now. The checks run in a fixed order, so the answer names the first rule that
 * holds it back: disabled, already syncing, needs the user (or its consent ended), circuit open, minimum interval
 * (forced or not), the provider's unattended quota spent (forced or not), fresh (unless forced; for a provider with an
 * unattended quota, not before its planned spacing either).
 */
@Component
public class SyncPolicy {

    private final SyncSettings settings;

    /** {@link #staleAfter} of each provider that limits unattended syncs; the providers are fixed at start-up. */
    private final Map<String, Duration> staleAfterByProvider;

    @Autowired
    SyncPolicy(SyncSettings settings, QuotaPlanner quotas) {
        this(settings, quotas.spacings());
    }

    /**
     * @param spacings the least time between two unattended syncs, by provider, of the providers that limit them
     */
    SyncPolicy(SyncSettings settings, Map<String, Duration> spacings) {
        this.settings = settings;
        Map<String, Duration> staleAfter = new LinkedHashMap<>();
        spacings.forEach((provider, spacing) -> staleAfter.put(provider, staleAfter(settings, spacing)));
        this.staleAfterByProvider = Map.copyOf(staleAfter);
    }

    /**
     * @param trigger what asks for the sync; a connect or reconnect was asked for by the user in the webview and
     *        skips the interval and freshness rules
     * @param force the user asked for fresh data ({@code force=true})
     * @param circuitOpenUntil until when the connection's circuit breaker refuses calls, if it does
     * @param quota the connection's unattended quota, for an unattended sync of a provider that limits them
     */
    public SyncDecision decide(ConnectionSnapshot connection, Instant now, SyncTrigger trigger, boolean force,
            @Nullable Instant circuitOpenUntil, @Nullable Quota quota) {
        if (connection.state() == ConnectionState.DISABLED) {
            return SyncDecision.skip(Reason.DISABLED, null);
        }
        if (connection.claimedUntil() != null && connection.claimedUntil().isAfter(now)) {
            return SyncDecision.skip(Reason.IN_PROGRESS, connection.claimedUntil());
        }
        if (trigger.userLinked()) {
            return SyncDecision.run(Reason.TRIGGERED);
        }
        Instant consentEnd = connection.consentExpiresAt();
        if (connection.state() == ConnectionState.NEEDS_USER_ACTION
                || consentEnd != null && !now.isBefore(consentEnd)) {
            // an ended consent reads nothing until its renewal, a reconnect
            return SyncDecision.skip(Reason.NEEDS_USER_ACTION, null);
        }
        if (circuitOpenUntil != null && circuitOpenUntil.isAfter(now)) {
            return SyncDecision.skip(Reason.CIRCUIT_OPEN, circuitOpenUntil);
        }
        Instant lastAttempt = connection.lastAttemptAt();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(settings.minInterval()))) {
            return SyncDecision.skip(Reason.RATE_LIMITED, lastAttempt.plus(settings.minInterval()));
        }
        if (quota != null && quota.exhausted()) {
            return SyncDecision.skip(Reason.QUOTA_EXHAUSTED, quota.nextDay());
        }
        Instant lastSuccess = connection.lastSuccessAt();
        if (lastSuccess == null) {
            return SyncDecision.run(connection.consecutiveFailures() > 0 ? Reason.RETRY : Reason.FIRST_SYNC);
        }
        if (force) {
            return SyncDecision.run(Reason.FORCED);
        }
        Instant due = lastSuccess.plus(settings.freshFor());
        if (quota != null) {
            due = quota.plan(due, lastAttempt);
        }
        if (now.isBefore(due)) {
            return SyncDecision.skip(Reason.FRESH, due);
        }
        if (connection.consecutiveFailures() > 0) {
            return SyncDecision.run(Reason.RETRY);
        }
        return SyncDecision.run(isStale(connection, now) ? Reason.STALE : Reason.DUE);
    }

    /**
     * Whether a connection went without a successful sync for longer than its provider's {@link #staleAfter}.
     */
    public boolean isStale(ConnectionSnapshot connection, Instant now) {
        Instant lastSuccess = connection.lastSuccessAt();
        return lastSuccess == null || now.isAfter(lastSuccess.plus(staleAfter(connection.provider())));
    }

    /**
     * How long a connection of the provider may go without a successful sync before it is stale: {@code staleAfter},
     * plus, for a provider whose unattended syncs are spaced further apart than {@code freshFor}, the difference (8 h
     * at Enable Banking: 4 h and 6 h - 2 h), so that a connection synced as often as its provider allows is never
     * stale.
     */
    public Duration staleAfter(String provider) {
        return staleAfterByProvider.getOrDefault(provider, settings.staleAfter());
    }

    private static Duration staleAfter(SyncSettings settings, Duration spacing) {
        Duration beyondFresh = spacing.minus(settings.freshFor());
        return beyondFresh.isNegative() ? settings.staleAfter() : settings.staleAfter().plus(beyondFresh);
    }

    /**
     * Before when a connection's last success makes it stale now: {@code others} for the providers absent from
     * {@code byProvider}.
     */
    public StaleBefore staleBefore(Instant now) {
        Map<String, Instant> byProvider = new LinkedHashMap<>();
        staleAfterByProvider.forEach((provider, staleAfter) -> byProvider.put(provider, now.minus(staleAfter)));
        return new StaleBefore(now.minus(settings.staleAfter()), byProvider);
    }

    /**
     * Before when a connection's last success makes it stale, by provider.
     *
     * @param others for the providers absent from {@code byProvider}
     * @param byProvider for the providers whose syncs are spaced further apart
     */
    public record StaleBefore(Instant others, Map<String, Instant> byProvider) {
    }
}
