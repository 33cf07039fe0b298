package com.firesync.connection;

import com.firesync.connection.ConnectionTransitions.Change;
import com.firesync.connection.ConnectionTransitions.Current;
import com.firesync.provider.ProviderFailure;
import com.firesync.shared.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The connection's state machine in the database. A sync claims the connection with a lease (one sync at a time,
 * across instances: the claim is a conditional update, not a JVM lock; a crashed instance's lease expires), and ends
 * it in a resting state. Every change of state goes through {@link ConnectionStateMachine}: a move it refuses is not
 * written, is logged, and the method answers {@code false}; the connection decides where a failure leaves it.
 */
@Service
public class ConnectionLifecycle {

    private static final String COLUMNS = """
            id, user_id, bank_name, state, provider_state, error_code, last_attempt_at, last_success_at,
            consecutive_failures, sync_claimed_until, sync_cursor, last_reconciled_at, provider, consent_expires_at,
            provider_connection_id, bank_history_from""";

    /**
     * A connection being deleted, or deleted with its history kept, is gone for every reader here: not listed, not
     * found by id or by the provider's id (so no webhook applies to it), never claimed (so never synced).
     */
    static final String LIVE = "deleting_since IS NULL AND archived_at IS NULL";

    /** The order runs over many connections take: failing ones first, then the longest without a success. */
    private static final String FAILING_FIRST = " ORDER BY consecutive_failures DESC, last_success_at NULLS FIRST, id";

    /** How many connections {@link #select} reads at a time. */
    static final int SLICE = 500;

    /** Ends a claim, as part of a sync's last write. */
    private static final String RELEASE = "sync_claimed_by = NULL, sync_claimed_until = NULL";

    private final JdbcClient jdbc;

    private final ProviderIdentities identities;

    private final ConnectionTransitions transitions;

    private final ClaimSettings claims;

    /** Liveness of the claimants is measured in real time (see {@link ClaimantRegistry}). */
    private final Clock realTime = Clock.systemUTC();

    ConnectionLifecycle(JdbcClient jdbc, ProviderIdentities identities, ConnectionTransitions transitions,
            ClaimSettings claims) {
        this.jdbc = jdbc;
        this.identities = identities;
        this.transitions = transitions;
        this.claims = claims;
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
     *
     * @return whether the connection is now in that state: not when it is gone or the move is refused
     */
    @Transactional
    public boolean providerReported(long connectionId, ConnectionState to, @Nullable String providerState,
            Instant at) {
        if (snapshot(connectionId).isEmpty()) {
            // deleted meanwhile
            return false;
        }
        return transitions.move(connectionId, Change.to(to, "reported by the provider", providerState)
                .writing("provider_state = :providerState",
                        spec -> spec.param("providerState", clip(providerState, 64))),
                at);
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
                + FAILING_FIRST)
                .param("user", userId, java.sql.Types.BIGINT)
                .query(ConnectionLifecycle::snapshot)
                .list();
    }

    /**
     * The ids of {@link #list}, in its order: what a run over many connections holds while it goes, reading each
     * connection only shortly before its sync ({@link #snapshots}).
     */
    public List<Long> ids(@Nullable Long userId) {
        return jdbc.sql("SELECT id FROM connections WHERE (:user IS NULL OR user_id = :user) AND " + LIVE
                + FAILING_FIRST)
                .param("user", userId, java.sql.Types.BIGINT)
                .query((rs, row) -> rs.getLong(1))
                .list();
    }

    /**
     * The ids, in {@link #list}'s order, of the live connections that pass {@code test}: what a job over every
     * connection needs, read {@value #SLICE} connections at a time so that it holds their ids, never all their
     * snapshots at once.
     */
    public List<Long> select(Predicate<ConnectionSnapshot> test) {
        return select(test, SLICE);
    }

    List<Long> select(Predicate<ConnectionSnapshot> test, int slice) {
        List<Long> all = ids(null);
        List<Long> selected = new ArrayList<>();
        for (int from = 0; from < all.size(); from += slice) {
            for (ConnectionSnapshot connection : snapshots(all.subList(from, Math.min(all.size(), from + slice)))) {
                if (test.test(connection)) {
                    selected.add(connection.id());
                }
            }
        }
        return selected;
    }

    /**
     * The connections of {@code ids} still there, in the order of {@code ids}.
     */
    public List<ConnectionSnapshot> snapshots(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ConnectionSnapshot> found = jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE id IN (:ids) AND "
                + LIVE)
                .param("ids", ids)
                .query(ConnectionLifecycle::snapshot)
                .list()
                .stream()
                .collect(Collectors.toMap(ConnectionSnapshot::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * Claims the connection for one sync until {@code at + lease}, unless another sync holds it or it is disabled.
     * The claim counts as a sync attempt (for the minimum interval between syncs).
     */
    @Transactional
    public Optional<SyncClaim> claim(long connectionId, String instance, Instant at, Duration lease) {
        return claim(connectionId, null, instance, at, lease, true);
    }

    /**
     * As {@link #claim(long, String, Instant, Duration)}, for a connection last seen as {@code seen}: tried from its
     * state without reading the row first.
     */
    @Transactional
    public Optional<SyncClaim> claim(ConnectionSnapshot seen, String instance, Instant at, Duration lease) {
        return claim(seen.id(), new Current(seen.state(), seen.userId(), seen.provider()), instance, at, lease, true);
    }

    /**
     * Claims the connection to write what a webhook brought: no call to the provider, so no sync attempt counted.
     */
    @Transactional
    public Optional<SyncClaim> claimForWebhook(long connectionId, String instance, Instant at, Duration lease) {
        return claim(connectionId, null, instance, at, lease, false);
    }

    private Optional<SyncClaim> claim(long connectionId, @Nullable Current likely, String instance, Instant at,
            Duration lease, boolean attempt) {
        Change change = Change.to(ConnectionState.SYNCING, "sync started", null)
                .writing("""
                        sync_claimed_by = :instance, sync_claimed_until = :until,
                        last_attempt_at = CASE WHEN :attempt THEN :at ELSE last_attempt_at END""",
                        spec -> spec.param("instance", instance)
                                .param("until", DbTime.param(at.plus(lease)))
                                .param("attempt", attempt)
                                .param("silentSince", Timestamp.from(realTime.instant().minus(claims.deadAfter()))))
                // free, or its lease is over, or its instance stopped beating (killed)
                .onlyIf(LIVE + " AND (sync_claimed_until IS NULL OR sync_claimed_until < :at"
                        + " OR sync_claimed_by IN (SELECT id FROM claimants WHERE last_seen_at < :silentSince))");
        if (!transitions.move(connectionId, change, at, likely)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                SELECT user_id, provider, provider_connection_id, sync_cursor, last_reconciled_at, created_at,
                       access_ciphertext, consent_expires_at, bank_history_from
                FROM connections WHERE id = :id""")
                .param("id", connectionId)
                .query((rs, row) -> {
                    long userId = rs.getLong("user_id");
                    String provider = rs.getString("provider");
                    return new SyncClaim(connectionId, userId, provider, rs.getString("provider_connection_id"),
                            instance, DbTime.read(rs, "sync_cursor"), DbTime.read(rs, "last_reconciled_at"),
                            Objects.requireNonNull(DbTime.read(rs, "created_at")), identities.tokenOfConnection(
                                    connectionId, userId, provider, rs.getBytes("access_ciphertext")),
                            DbTime.read(rs, "consent_expires_at"), rs.getObject("bank_history_from", LocalDate.class));
                })
                .single());
    }

    /**
     * Releases every claim an instance holds, as it stops: each connection goes back to where a sync would have left
     * it without news ({@code failing} when its last sync had failed, else {@code active}), so that the next sync, on
     * any instance, claims it at once.
     *
     * @return how many claims were released
     */
    public int releaseAll(String instance, Instant at) {
        List<long[]> held = jdbc.sql("SELECT id, consecutive_failures FROM connections WHERE sync_claimed_by = :me")
                .param("me", instance)
                .query((rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .list();
        int released = 0;
        for (long[] connection : held) {
            ConnectionState to = connection[1] > 0 ? ConnectionState.FAILING : ConnectionState.ACTIVE;
            Change change = Change.to(to, "claim released at shutdown", null)
                    .writing(RELEASE, spec -> spec.param("me", instance))
                    .onlyIf("sync_claimed_by = :me");
            if (transitions.move(connection[0], change, at)) {
                released++;
            }
        }
        return released;
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
     * committed. Where the connection may no longer become active (the provider deleted it meanwhile), only the claim
     * ends.
     *
     * @return whether the connection is active now
     */
    @Transactional
    public boolean succeeded(SyncClaim claim, Instant at, @Nullable Instant cursor, @Nullable Instant reconciledAt) {
        Change change = Change.to(ConnectionState.ACTIVE, "sync completed", null).writing("""
                provider_state = NULL, error_code = NULL, error_message = NULL, last_success_at = :at,
                consecutive_failures = 0, sync_cursor = COALESCE(:cursor, sync_cursor),
                last_reconciled_at = COALESCE(:reconciled, last_reconciled_at), """ + RELEASE,
                spec -> spec.param("cursor", DbTime.param(cursor)).param("reconciled", DbTime.param(reconciledAt)));
        return endClaim(claim, change, at);
    }

    /**
     * Records when the user's consent to read a claimed connection ends, as its provider said at this sync; nothing
     * when it did not say. Written only when it differs from what the claim read: most syncs read the same date.
     */
    public void consentExpires(SyncClaim claim, @Nullable Instant at) {
        if (at != null && !at.equals(claim.consentExpiresAt())) {
            jdbc.sql("UPDATE connections SET consent_expires_at = :at WHERE id = :id")
                    .param("at", DbTime.param(at))
                    .param("id", claim.connectionId())
                    .update();
        }
    }

    /**
     * Records the first day the bank listed at a claimed connection's sync, when it listed less than the synced
     * history ({@code null}: all of it). Written only when it differs from what the claim read.
     */
    public void bankHistoryFrom(SyncClaim claim, @Nullable LocalDate from) {
        if (!Objects.equals(from, claim.bankHistoryFrom())) {
            jdbc.sql("UPDATE connections SET bank_history_from = :from WHERE id = :id")
                    .param("from", from, java.sql.Types.DATE)
                    .param("id", claim.connectionId())
                    .update();
        }
    }

    /**
     * Ends a sync the provider failed. The connection decides where it rests: one only the user can repair needs the
     * user, with the provider's state ({@link ProviderFailure.NeedsUserAction}), or {@code auth_invalid} when the
     * provider refuses the user's token ({@link ProviderFailure.AuthInvalid}: revoked at the provider, which no retry
     * repairs; reconnecting gets a new token); any other failure is retried later, spaced by the policy and the
     * circuit, so the connection is {@link ConnectionState#FAILING}. The data stays as committed and the failure is
     * counted.
     *
     * @return whether the connection rests in the failure's state now
     */
    @Transactional
    public boolean failed(SyncClaim claim, Instant at, ProviderFailure failure) {
        return switch (failure) {
            case ProviderFailure.NeedsUserAction needs ->
                failed(claim, at, ConnectionState.NEEDS_USER_ACTION, needs.code(), needs.state());
            case ProviderFailure.AuthInvalid refused ->
                failed(claim, at, ConnectionState.NEEDS_USER_ACTION, refused.code(), refused.code());
            default -> failed(claim, at, ConnectionState.FAILING, failure.code(), null);
        };
    }

    /**
     * Ends a sync that failed in FireSync itself (a write that did not commit, a bug): it may pass, so the connection
     * is {@link ConnectionState#FAILING} and retried later.
     *
     * @return whether the connection is failing now
     */
    @Transactional
    public boolean failed(SyncClaim claim, Instant at, String errorCode) {
        return failed(claim, at, ConnectionState.FAILING, errorCode, null);
    }

    private boolean failed(SyncClaim claim, Instant at, ConnectionState to, String errorCode,
            @Nullable String providerState) {
        Change change = Change.to(to, errorCode, providerState).writing("""
                error_code = :code, provider_state = :providerState,
                consecutive_failures = consecutive_failures + 1, """ + RELEASE,
                spec -> spec.param("code", clip(errorCode, 64)).param("providerState", clip(providerState, 64)));
        return endClaim(claim, change, at);
    }

    private boolean endClaim(SyncClaim claim, Change change, Instant at) {
        // the claim put the connection in SYNCING; a move since (a provider's report) costs a read
        var syncing = new Current(ConnectionState.SYNCING, claim.userId(), claim.provider());
        if (transitions.move(claim.connectionId(), change, at, syncing)) {
            return true;
        }
        // refused: the state stays as another writer left it, but the claim must not outlive the sync
        jdbc.sql("UPDATE connections SET " + RELEASE + " WHERE id = :id AND sync_claimed_by = :me")
                .param("id", claim.connectionId())
                .param("me", claim.instance())
                .update();
        return false;
    }

    /**
     * After the user repaired the connection in the webview: it is active again and its failures are forgotten. A
     * consent that had ended is forgotten too (the repair renewed it; its sync reads the new expiry), so that the
     * consent watch does not take the connection back to its user meanwhile.
     *
     * @return whether the connection is active now: not when it is disabled for good or gone
     */
    @Transactional
    public boolean reconnected(long connectionId, Instant at) {
        return transitions.move(connectionId, Change.to(ConnectionState.ACTIVE, "reconnected by the user", null)
                .writing("""
                        provider_state = NULL, error_code = NULL, error_message = NULL, consecutive_failures = 0,
                        consent_expires_at = CASE WHEN consent_expires_at <= :at THEN NULL ELSE consent_expires_at END
                        """, UnaryOperator.identity()),
                at);
    }

    /**
     * A connection deleted with its history kept: at rest for good, whatever it was doing. Its deletion marks are
     * the caller's.
     */
    @Transactional
    public void archived(long connectionId, Instant at) {
        transitions.move(connectionId, Change.to(ConnectionState.DISABLED, "deleted, its history kept", null)
                .writing("provider_state = NULL, error_code = NULL, error_message = NULL, " + RELEASE,
                        UnaryOperator.identity()),
                at);
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        return ConnectionTransitions.clip(value, max);
    }

    private static ConnectionSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        return new ConnectionSnapshot(rs.getLong("id"), rs.getLong("user_id"), rs.getString("bank_name"),
                ConnectionState.of(rs.getString("state")), rs.getString("provider_state"), rs.getString("error_code"),
                DbTime.read(rs, "last_attempt_at"), DbTime.read(rs, "last_success_at"),
                rs.getInt("consecutive_failures"), DbTime.read(rs, "sync_claimed_until"),
                DbTime.read(rs, "sync_cursor"), DbTime.read(rs, "last_reconciled_at"), rs.getString("provider"),
                DbTime.read(rs, "consent_expires_at"), rs.getString("provider_connection_id"),
                rs.getObject("bank_history_from", LocalDate.class));
    }
}
