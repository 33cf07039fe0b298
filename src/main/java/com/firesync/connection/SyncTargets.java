package com.firesync.connection;

import com.firesync.provider.ProviderToken;
import com.firesync.shared.DbTime;
import java.time.Instant;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the sync engine needs to know about a connection, and where it records how a sync went.
 */
@Service
public class SyncTargets {

    private final JdbcClient jdbc;

    private final ProviderIdentities identities;

    SyncTargets(JdbcClient jdbc, ProviderIdentities identities) {
        this.jdbc = jdbc;
        this.identities = identities;
    }

    /**
     * A connection ready to sync: its owner, its provider id, its cursor and the token to call the provider with.
     */
    public SyncTarget target(long connectionId) {
        var row = jdbc.sql("SELECT user_id, provider_connection_id, sync_cursor FROM connections WHERE id = :id")
                .param("id", connectionId)
                .query((rs, i) -> new Object[]{rs.getLong("user_id"), rs.getString("provider_connection_id"),
                        rs.getObject("sync_cursor", LocalDateTime.class)})
                .single();
        return new SyncTarget(connectionId, (Long) row[0], (String) row[1], (LocalDateTime) row[2],
                identities.tokenOfConnection(connectionId));
    }

    /**
     * A sync that completed: the connection is fresh and its cursor moves to what was committed.
     */
    public void recordSuccess(long connectionId, Instant at, @Nullable LocalDateTime cursor) {
        jdbc.sql("""
                UPDATE connections SET state = 'active', provider_state = NULL, error_code = NULL, error_message = NULL,
                       last_attempt_at = :at, last_success_at = :at, consecutive_failures = 0,
                       sync_cursor = COALESCE(:cursor, sync_cursor), updated_at = :at
                WHERE id = :id""")
                .param("at", DbTime.param(at))
                .param("cursor", cursor)
                .param("id", connectionId)
                .update();
    }

    /**
     * A sync that failed: data stays as it was; the failure is counted and kept for status.
     */
    public void recordFailure(long connectionId, Instant at, String errorCode, boolean needsUser) {
        jdbc.sql("""
                UPDATE connections SET state = :state, error_code = :code, last_attempt_at = :at,
                       consecutive_failures = consecutive_failures + 1,
                       provider_state = CASE WHEN :needsUser THEN :code ELSE provider_state END, updated_at = :at
                WHERE id = :id""")
                .param("state", needsUser ? "needs_user_action" : "failing")
                .param("code", errorCode.length() > 64 ? errorCode.substring(0, 64) : errorCode)
                .param("needsUser", needsUser)
                .param("at", DbTime.param(at))
                .param("id", connectionId)
                .update();
    }

    /**
     * A connection to sync.
     *
     * @param connectionId FireSync's id
     * @param userId the owner
     * @param providerConnectionId the provider's id
     * @param cursor the provider's {@code last_update} of the newest change committed so far, if any
     * @param token the provider token to use (a secret)
     */
    public record SyncTarget(long connectionId, long userId, String providerConnectionId,
            @Nullable LocalDateTime cursor, ProviderToken token) {
    }
}
