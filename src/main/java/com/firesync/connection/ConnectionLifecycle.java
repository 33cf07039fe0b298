package com.firesync.connection;

import com.firesync.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The connection's state machine in the database. A sync claims the connection with a lease (one sync at a time,
 * across instances: the claim is a conditional update, not a JVM lock; a crashed instance's lease expires), and ends
 * it in a resting state. Every change of state is recorded in {@code connection_transitions}.
 */
@Service
public class ConnectionLifecycle {

    private static final String COLUMNS = """
            id, user_id, bank_name, state, provider_state, error_code, last_attempt_at, last_success_at,
            consecutive_failures, sync_claimed_until, sync_cursor, last_reconciled_at""";

    /**
     * A connection being deleted, or deleted with its history kept, is gone for every reader here: not listed, not
     * found by id or by the provider's id (so no webhook applies to it), never claimed (so never synced).
     */
    static final String LIVE = "deleting_since IS NULL AND archived_at IS NULL";

    private final JdbcClient jdbc;

    private final ProviderIdentities identities;

    private final ApplicationEventPublisher events;

    ConnectionLifecycle(JdbcClient jdbc, ProviderIdentities identities, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.events = events;
    }

    public Optional<ConnectionSnapshot> snapshot(long connectionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE id = :id AND " + LIVE)
                .param("id", connectionId)
                .query(ConnectionLifecycle::snapshot)
                .optional();
    }

    /**
     * The connection a provider knows by {@code providerConnectionId}.
     */
    public Optional<ConnectionSnapshot> byProviderId(String provider, String providerConnectionId) {
        return jdbc
                .sql("SELECT " + COLUMNS
                        + " FROM connections WHERE provider = :provider AND provider_connection_id = :ref AND " + LIVE)
                .param("provider", provider)
                .param("ref", providerConnectionId)
                .query(ConnectionLifecycle::snapshot)
                .optional();
    }

    /**
     * Records what the provider says of a connection outside a sync (a webhook): a state that needs the user puts it
     * in {@link ConnectionState#NEEDS_USER_ACTION}; a deleted connection is {@link ConnectionState#DISABLED}.
     */
    @Transactional
    public void providerReported(long connectionId, ConnectionState to, @Nullable String providerState, Instant at) {
        ConnectionSnapshot before = snapshot(connectionId).orElse(null);
        if (before == null || before.state() == to) {
            // deleted meanwhile, or nothing changes
            return;
        }
        jdbc.sql("UPDATE connections SET state = :state, provider_state = :providerState, updated_at = :at"
                + " WHERE id = :id")
                .param("state", to.code())
                .param("providerState", providerState)
                .param("at", DbTime.param(at))
                .param("id", connectionId)
                .update();
        record(connectionId, before.state(), to, providerState, "reported by the provider", at);
    }

    /**
     * The user's connection, or nothing when it is not theirs.
     */
    public Optional<ConnectionSnapshot> snapshot(long userId, long connectionId) {
        return snapshot(connectionId).filter(connection -> connection.userId() == userId);
    }

    /**
     * The user's connections, or every connection when {@code userId} is {@code null}, failing ones first.
     */
    public List<ConnectionSnapshot> list(@Nullable Long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE (:user IS NULL OR user_id = :user) AND " + LIVE
                + " ORDER BY consecutive_failures DESC, last_success_at NULLS FIRST, id")
                .param("user", userId, java.sql.Types.BIGINT)
                .query(ConnectionLifecycle::snapshot)
                .list();
    }

    /**
     * Claims the connection for one sync until {@code at + lease}, unless another sync holds it or it is disabled.
     * The claim counts as a sync attempt (for the minimum interval between syncs).
     */
    @Transactional
    public Optional<SyncClaim> claim(long connectionId, String instance, Instant at, Duration lease) {
        return claim(connectionId, instance, at, lease, true);
    }

    /**
     * Claims the connection to write what a webhook brought: no call to the provider, so no sync attempt counted.
     */
    @Transactional
    public Optional<SyncClaim> claimForWebhook(long connectionId, String instance, Instant at, Duration lease) {
        return claim(connectionId, instance, at, lease, false);
    }

    private Optional<SyncClaim> claim(long connectionId, String instance, Instant at, Duration lease,
            boolean attempt) {
        int claimed = jdbc.sql("""
                UPDATE connections SET sync_claimed_by = :instance, sync_claimed_until = :until,
                       last_attempt_at = CASE WHEN :attempt THEN :at ELSE last_attempt_at END, updated_at = :at
                WHERE id = :id AND state <> 'disabled' AND deleting_since IS NULL AND archived_at IS NULL
                  AND (sync_claimed_until IS NULL OR sync_claimed_until < :at)""")
                .param("instance", instance)
                .param("attempt", attempt)
                .param("until", DbTime.param(at.plus(lease)))
                .param("at", DbTime.param(at))
                .param("id", connectionId)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        ConnectionSnapshot before = snapshot(connectionId).orElseThrow();
        jdbc.sql("UPDATE connections SET state = 'syncing' WHERE id = :id").param("id", connectionId).update();
        record(connectionId, before.state(), ConnectionState.SYNCING, null, "sync started", at);
        return Optional.of(jdbc.sql("SELECT provider_connection_id, created_at FROM connections WHERE id = :id")
                .param("id", connectionId)
                .query((rs, row) -> new SyncClaim(connectionId, before.userId(), rs.getString(1), instance,
                        before.cursor(), before.lastReconciledAt(),
                        Objects.requireNonNull(DbTime.read(rs, "created_at")),
                        identities.tokenOfConnection(connectionId)))
                .single());
    }

    /**
     * Extends a long sync's lease; answers whether the claim is still this sync's.
     */
    public boolean renew(SyncClaim claim, Instant until) {
        return jdbc.sql("UPDATE connections SET sync_claimed_until = :until WHERE id = :id AND sync_claimed_by = :me")
                .param("until", DbTime.param(until))
                .param("id", claim.connectionId())
                .param("me", claim.instance())
                .update() == 1;
    }

    /**
     * Ends a sync that completed: the connection is active, its failures are forgotten, its cursor moves to what was
     * committed.
     */
    @Transactional
    public void succeeded(SyncClaim claim, Instant at, @Nullable Instant cursor, @Nullable Instant reconciledAt) {
        jdbc.sql("""
                UPDATE connections SET state = 'active', provider_state = NULL, error_code = NULL,
                       error_message = NULL, last_success_at = :at, consecutive_failures = 0,
                       sync_cursor = COALESCE(:cursor, sync_cursor),
                       last_reconciled_at = COALESCE(:reconciled, last_reconciled_at),
                       sync_claimed_by = NULL, sync_claimed_until = NULL, updated_at = :at
                WHERE id = :id""")
                .param("at", DbTime.param(at))
                .param("cursor", DbTime.param(cursor))
                .param("reconciled", DbTime.param(reconciledAt))
                .param("id", claim.connectionId())
                .update();
        record(claim.connectionId(), ConnectionState.SYNCING, ConnectionState.ACTIVE, null, "sync completed", at);
    }

    /**
     * Ends a sync that failed: the data stays as committed, the failure is counted, and the connection rests in
     * {@code to} ({@link ConnectionState#NEEDS_USER_ACTION} with the provider's state, or
     * {@link ConnectionState#FAILING}).
     */
    @Transactional
    public void failed(SyncClaim claim, Instant at, ConnectionState to, String errorCode,
            @Nullable String providerState) {
        jdbc.sql("""
                UPDATE connections SET state = :state, error_code = :code, provider_state = :providerState,
                       consecutive_failures = consecutive_failures + 1,
                       sync_claimed_by = NULL, sync_claimed_until = NULL, updated_at = :at
                WHERE id = :id""")
                .param("state", to.code())
                .param("code", clip(errorCode, 64))
                .param("providerState", providerState == null ? null : clip(providerState, 64))
                .param("at", DbTime.param(at))
                .param("id", claim.connectionId())
                .update();
        record(claim.connectionId(), ConnectionState.SYNCING, to, providerState, errorCode, at);
    }

    private void record(long connectionId, ConnectionState from, ConnectionState to, @Nullable String providerState,
            @Nullable String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO connection_transitions (connection_id, from_state, to_state, provider_state, reason,
                                                    occurred_at)
                VALUES (:id, :from, :to, :providerState, :reason, :at)""")
                .param("id", connectionId)
                .param("from", from.code())
                .param("to", to.code())
                .param("providerState", providerState == null ? null : clip(providerState, 64))
                .param("reason", reason == null ? null : clip(reason, 200))
                .param("at", DbTime.param(at))
                .update();
        events.publishEvent(new ConnectionStateChanged(connectionId, from, to, providerState, at));
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static ConnectionSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        return new ConnectionSnapshot(rs.getLong("id"), rs.getLong("user_id"), rs.getString("bank_name"),
                ConnectionState.of(rs.getString("state")), rs.getString("provider_state"), rs.getString("error_code"),
                DbTime.read(rs, "last_attempt_at"), DbTime.read(rs, "last_success_at"),
                rs.getInt("consecutive_failures"), DbTime.read(rs, "sync_claimed_until"),
                DbTime.read(rs, "sync_cursor"), DbTime.read(rs, "last_reconciled_at"));
    }
}
