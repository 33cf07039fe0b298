package com.firesync.connection;

import com.firesync.shared.ApiException;
import com.firesync.shared.DbTime;
import com.firesync.shared.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code state} of webview flows: 256 random bits, stored only as a hash, bound to the user who asked for the
 * link, usable once, expiring with the provider's temporary code.
 */
@Repository
public class ConnectStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ConnectSettings settings;

    ConnectStates(JdbcClient jdbc, Clock clock, ConnectSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Creates a state and returns it in clear, for the webview URL only.
     */
    String create(long userId, String provider, ConnectFlow.Flow flow, @Nullable Long connectionId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO connect_states (state_hash, user_id, provider, flow, connection_id, created_at,
                                            expires_at)
                VALUES (:hash, :user, :provider, :flow, :connection, :now, :expires)""")
                .param("hash", hash(state))
                .param("provider", provider)
                .param("user", userId)
                .param("flow", flow.code())
                .param("connection", connectionId)
                .param("now", DbTime.param(now))
                .param("expires", DbTime.param(now.plus(settings.stateTtl())))
                .update();
        return state;
    }

    Instant expiry() {
        return clock.instant().plus(settings.stateTtl());
    }

    /**
     * Uses a state up: only the first use of an unexpired state succeeds, even with concurrent callbacks, and only
     * on the callback of the provider it was handed out for (another's reads as unknown).
     *
     * @throws ApiException 400 {@code invalid_state}, {@code state_expired} or {@code state_used}
     */
    ConnectState consume(String state, String provider) {
        String hash = hash(state);
        var now = DbTime.param(clock.instant());
        int claimed = jdbc.sql("""
                UPDATE connect_states SET consumed_at = :now
                WHERE state_hash = :hash AND provider = :provider AND consumed_at IS NULL AND expires_at > :now""")
                .param("hash", hash)
                .param("provider", provider)
                .param("now", now)
                .update();
        var row = jdbc.sql("""
                SELECT id, user_id, flow, connection_id, consumed_at, expires_at FROM connect_states
                WHERE state_hash = :hash AND provider = :provider""")
                .param("hash", hash)
                .param("provider", provider)
                .query((rs, i) -> new ConnectState(rs.getLong("id"), rs.getLong("user_id"),
                        ConnectFlow.Flow.of(rs.getString("flow")),
                        rs.getObject("connection_id", Long.class)))
                .optional()
                .orElseThrow(
                        () -> refused("invalid_state", "This connect link is unknown; start again from FireSync."));
        if (claimed == 1) {
            return row;
        }
        boolean expired = jdbc.sql("SELECT COUNT(*) FROM connect_states WHERE id = :id AND expires_at <= :now")
                .param("id", row.id())
                .param("now", now)
                .query(Long.class)
                .single() > 0;
        throw expired
                ? refused("state_expired", "This connect link has expired; start again from FireSync.")
                : refused("state_used", "This connect link was already used.");
    }

    void recordOutcome(long id, Outcome outcome, @Nullable String errorCode, @Nullable String errorDetail) {
        jdbc.sql("UPDATE connect_states SET outcome = :outcome, error_code = :code, error_detail = :detail"
                + " WHERE id = :id")
                .param("outcome", outcome.code())
                .param("code", truncate(errorCode, 64))
                .param("detail", truncate(errorDetail, 500))
                .param("id", id)
                .update();
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static ApiException refused(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    static String hash(String state) {
        return Sha256.hex(state);
    }

    /**
     * Deletes the states that expired before {@code cutoff}, used or not.
     *
     * @return how many were deleted
     */
    public int pruneExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM connect_states WHERE expires_at < :cutoff")
                .param("cutoff", DbTime.param(cutoff))
                .update();
    }

    /**
     * How a connect attempt ended, as {@code connect_states.outcome} keeps it.
     */
    enum Outcome {

        /** New connections were linked. */
        LINKED,

        /** A connection was repaired. */
        RECONNECTED,

        /** The webview sent the user back with an error. */
        ERROR;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
