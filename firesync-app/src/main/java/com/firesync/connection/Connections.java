package com.firesync.connection;

import com.firesync.provider.ProviderConnection;
import com.firesync.shared.DbTime;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bank connections in the database, unique per provider connection id.
 */
@Repository
public class Connections {

    private final JdbcClient jdbc;

    private final Clock clock;

    Connections(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a connection once, however often the callback that reports it is replayed.
     *
     * @return the connection's id and whether this call created it, or nothing when the provider connection is
     *         already another user's
     */
    Optional<Linked> link(long userId, long providerUserId, String provider, ProviderConnection connection) {
        var now = DbTime.param(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO connections (user_id, provider_user_id, provider, provider_connection_id, bank_name,
                                         connector_uuid, state, provider_state, consent_expires_at, created_at,
                                         updated_at)
                VALUES (:user, :providerUser, :provider, :ref, :bank, :connector, :state, :providerState, :consent,
                        :now, :now)
                ON CONFLICT DO NOTHING""")
                .param("user", userId)
                .param("providerUser", providerUserId)
                .param("provider", provider)
                .param("ref", connection.id())
                .param("bank", connection.bankName())
                .param("connector", connection.connectorUuid())
                .param("state", ConnectionState.ACTIVE.code())
                .param("providerState", connection.state())
                .param("consent", DbTime.param(connection.consentExpiresAt()))
                .param("now", now)
                .update();
        return jdbc.sql("""
                SELECT id, user_id FROM connections WHERE provider = :provider AND provider_connection_id = :ref""")
                .param("provider", provider)
                .param("ref", connection.id())
                .query((rs, row) -> new Linked(rs.getLong("id"), rs.getLong("user_id"), inserted == 1))
                .optional()
                .filter(linked -> linked.userId() == userId);
    }

    /**
     * Points one of the user's connections at what a new authorisation of its bank answered (a renewed Enable
     * Banking consent: a new session, so a new provider id and consent expiry).
     *
     * @return whether the connection was the user's and still live
     */
    boolean renew(long userId, long connectionId, ProviderConnection renewed) {
        return jdbc.sql("UPDATE connections SET provider_connection_id = :ref, bank_name = :bank,"
                + " consent_expires_at = :consent, updated_at = :now WHERE id = :id AND user_id = :user AND "
                + ConnectionLifecycle.LIVE)
                .param("ref", renewed.id())
                .param("bank", renewed.bankName())
                .param("consent", DbTime.param(renewed.consentExpiresAt()))
                .param("now", DbTime.param(clock.instant()))
                .param("id", connectionId)
                .param("user", userId)
                .update() == 1;
    }

    /**
     * The provider's id of one of the user's connections made with {@code provider}.
     */
    Optional<String> providerId(long userId, long connectionId, String provider) {
        return jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id AND user_id = :user"
                + " AND provider = :provider AND " + ConnectionLifecycle.LIVE)
                .param("id", connectionId)
                .param("user", userId)
                .param("provider", provider)
                .query(String.class)
                .optional();
    }

    /**
     * A stored connection: its id, its owner and whether the call that returned it created it.
     */
    record Linked(long id, long userId, boolean created) {
    }

    /**
     * Counts the connections of every user by state; a state no connection is in is absent.
     */
    public Map<ConnectionState, Long> countByState() {
        Map<ConnectionState, Long> counts = new EnumMap<>(ConnectionState.class);
        jdbc.sql("SELECT state, COUNT(*) AS n FROM connections GROUP BY state")
                .query((rs, row) -> counts.put(ConnectionState.of(rs.getString("state")), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * Counts the connections of every user, and how fresh the syncable ones are (those a sync may still run on: not
     * disabled, not waiting for their user).
     *
     * @param staleBefore a syncable connection whose last success is older (or that never succeeded) is stale
     * @param staleBeforeByProvider the same, for the connections of these providers
     */
    public ConnectionCounts countConnections(Instant staleBefore, Map<String, Instant> staleBeforeByProvider) {
        // a CASE needs at least one WHEN: without per-provider cut-offs, the one cut-off
        var cutoff = new StringBuilder(staleBeforeByProvider.isEmpty() ? ":stale" : "CASE");
        var params = new LinkedHashMap<String, Object>();
        int i = 0;
        for (var entry : staleBeforeByProvider.entrySet()) {
            cutoff.append(" WHEN provider = :provider").append(i).append(" THEN :stale").append(i);
            params.put("provider" + i, entry.getKey());
            params.put("stale" + i, DbTime.param(entry.getValue()));
            i++;
        }
        if (!staleBeforeByProvider.isEmpty()) {
            cutoff.append(" ELSE :stale END");
        }
        String stale = "(last_success_at IS NULL OR last_success_at < " + cutoff + ")";
        return jdbc.sql("""
                SELECT COUNT(*) AS total,
                       SUM(CASE WHEN state NOT IN (:resting) THEN 1 ELSE 0 END) AS syncable,
                       SUM(CASE WHEN state NOT IN (:resting) AND %1$s THEN 1 ELSE 0 END) AS stale,
                       SUM(CASE WHEN state NOT IN (:resting) AND (state = :failing OR %1$s) THEN 1 ELSE 0 END)
                           AS failing_or_stale,
                       MIN(CASE WHEN state NOT IN (:resting) THEN last_success_at END) AS oldest
                FROM connections""".formatted(stale))
                .params(params)
                .param("resting", List.of(ConnectionState.DISABLED.code(), ConnectionState.NEEDS_USER_ACTION.code()))
                .param("failing", ConnectionState.FAILING.code())
                .param("stale", DbTime.param(staleBefore))
                .query((rs, row) -> new ConnectionCounts(rs.getLong("total"), rs.getLong("syncable"),
                        rs.getLong("stale"), rs.getLong("failing_or_stale"), DbTime.read(rs, "oldest")))
                .single();
    }

    /**
     * All connections, the syncable ones, those of them stale, those failing or stale, and the oldest last success
     * among the syncable ones (none when none ever succeeded).
     */
    public record ConnectionCounts(long total, long syncable, long stale, long failingOrStale,
            @Nullable Instant oldestSuccess) {
    }
}
