package com.firesync.sync;

import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.ConnectionState;
import com.firesync.sync.QuotaPlanner.Quota;
import com.firesync.sync.SyncDecision.Reason;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
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

    SyncPolicy(SyncSettings settings) {
        this.settings = settings;
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
     * Whether a connection went without a successful sync for longer than {@code staleAfter}.
     */
    public boolean isStale(ConnectionSnapshot connection, Instant now) {
        Instant lastSuccess = connection.lastSuccessAt();
        return lastSuccess == null || now.isAfter(lastSuccess.plus(settings.staleAfter()));
    }
}
