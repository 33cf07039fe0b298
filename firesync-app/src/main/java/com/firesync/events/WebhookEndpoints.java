package com.firesync.events;

import com.firesync.security.SecretCipher;
import com.firesync.shared.ApiException;
import com.firesync.shared.DbTime;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook endpoints users register, and the record of every delivery attempt. Every read and change takes the
 * user it acts for. The signing secret is shown once, at registration, and stored encrypted.
 */
@Repository
public class WebhookEndpoints {

    /** The event types an endpoint may ask for. */
    public static final Set<String> TYPES = Set.of("sync.started", "sync.completed", "sync.failed",
            "connection.state_changed", "connection.linked", "transactions.changed", "consent.expiring");

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String COLUMNS = "id, user_id, url, event_types, created_at, delivered_through, "
            + "failing_since, failures, retry_at, disabled_at, disabled_reason";

    private final JdbcClient jdbc;

    private final SecretCipher cipher;

    private final EventLog log;

    private final WebhookSettings settings;

    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, SecretCipher cipher, EventLog log, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Registers an endpoint for the events that happen from now on.
     *
     * @throws ApiException 400 for a URL that may not be called or an unknown event type
     */
    @Transactional
    public Registered register(long userId, String url, List<String> types) {
        UrlGuard.refusal(url, settings.allowPrivate()).ifPresent(reason -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "url_not_allowed", "The webhook URL " + reason + ".");
        });
        long held = jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        if (held >= settings.maxEndpointsPerUser()) {
            throw new ApiException(HttpStatus.CONFLICT, "too_many_endpoints",
                    "A user may register at most " + settings.maxEndpointsPerUser() + " webhook endpoints.");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhook_endpoints (user_id, url, event_types, created_at, delivered_through)
                VALUES (:user, :url, :types, :now, :through)""")
                .param("user", userId)
                .param("url", url)
                .param("types", String.join(",", types))
                .param("now", DbTime.param(clock.instant()))
                .param("through", log.lastId())
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKeyAs(Long.class));
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String secret = WebhookSignature.PREFIX + Base64.getEncoder().encodeToString(raw);
        jdbc.sql("UPDATE webhook_endpoints SET secret_ciphertext = :secret WHERE id = :id")
                .param("secret", cipher.encrypt(secret, context(id)))
                .param("id", id)
                .update();
        return new Registered(find(userId, id).orElseThrow(), secret);
    }

    /** The user's endpoints, oldest first. */
    public List<WebhookEndpoint> list(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE user_id = :user ORDER BY id")
                .param("user", userId)
                .query((rs, row) -> endpoint(rs))
                .list();
    }

    /** The user's endpoint, or nothing when it is not theirs. */
    public Optional<WebhookEndpoint> find(long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query((rs, row) -> endpoint(rs))
                .optional();
    }

    /** Deletes the user's endpoint; answers whether it was theirs. */
    public boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id AND user_id = :user")
                .param("id", id)
                .param("user", userId)
                .update() == 1;
    }

    /** The endpoint's latest delivery attempts, newest first. */
    public List<DeliveryAttempt> attempts(long endpointId, int limit) {
        return jdbc.sql("""
                SELECT event_id, attempted_at, status, error, next_retry_at FROM webhook_deliveries
                WHERE endpoint_id = :endpoint ORDER BY id DESC LIMIT :limit""")
                .param("endpoint", endpointId)
                .param("limit", limit)
                .query((rs, row) -> new DeliveryAttempt(Long.toString(rs.getLong(1)),
                        Objects.requireNonNull(DbTime.read(rs, "attempted_at")),
                        (Integer) rs.getObject(3, Integer.class), rs.getString(4), DbTime.read(rs, "next_retry_at")))
                .list();
    }

    /** The endpoints that have events to deliver and are not waiting for a retry. */
    public List<Long> due(Instant now) {
        return jdbc.sql("""
                SELECT e.id FROM webhook_endpoints e
                WHERE e.disabled_at IS NULL AND (e.retry_at IS NULL OR e.retry_at <= :now)
                  AND EXISTS (SELECT 1 FROM event_log l WHERE l.user_id = e.user_id AND l.id > e.delivered_through)""")
                .param("now", DbTime.param(now))
                .query((rs, row) -> rs.getLong(1))
                .list();
    }

    Optional<WebhookEndpoint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> endpoint(rs))
                .optional();
    }

    /** The endpoint's signing secret; nothing when it has none (a registration that never committed whole). */
    Optional<String> secret(long id) {
        List<byte[]> ciphertext = jdbc.sql("SELECT secret_ciphertext FROM webhook_endpoints WHERE id = :id "
                + "AND secret_ciphertext IS NOT NULL")
                .param("id", id)
                .query((rs, row) -> Objects.requireNonNull(rs.getBytes(1)))
                .list();
        return ciphertext.stream().findFirst().map(secret -> cipher.decrypt(secret, context(id)));
    }

    void delivered(long id, long eventId) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET delivered_through = :event, failing_since = NULL, failures = 0,
                       retry_at = NULL WHERE id = :id""")
                .param("event", eventId)
                .param("id", id)
                .update();
    }

    void failed(long id, Instant failingSince, int failures, Instant retryAt) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET failing_since = :since, failures = :failures, retry_at = :retry
                WHERE id = :id""")
                .param("since", DbTime.param(failingSince))
                .param("failures", failures)
                .param("retry", DbTime.param(retryAt))
                .param("id", id)
                .update();
    }

    void disable(long id, Instant at, String reason) {
        jdbc.sql("UPDATE webhook_endpoints SET disabled_at = :at, disabled_reason = :reason, retry_at = NULL "
                + "WHERE id = :id").param("at", DbTime.param(at)).param("reason", reason).param("id", id).update();
    }

    void recordAttempt(long id, long eventId, Instant at, @Nullable Integer status, @Nullable String error,
            @Nullable Instant nextRetry) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (endpoint_id, event_id, attempted_at, status, error, next_retry_at)
                VALUES (:id, :event, :at, :status, :error, :next)""")
                .param("id", id)
                .param("event", eventId)
                .param("at", DbTime.param(at))
                .param("status", status, java.sql.Types.INTEGER)
                .param("error", error == null || error.length() <= 200 ? error : error.substring(0, 200))
                .param("next", DbTime.param(nextRetry))
                .update();
    }

    private static String context(long id) {
        return "webhook_endpoints:" + id;
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(rs.getLong("id"), rs.getLong("user_id"), rs.getString("url"),
                Arrays.asList(rs.getString("event_types").split(",")),
                Objects.requireNonNull(DbTime.read(rs, "created_at")), rs.getLong("delivered_through"),
                DbTime.read(rs, "failing_since"), rs.getInt("failures"), DbTime.read(rs, "retry_at"),
                DbTime.read(rs, "disabled_at"), rs.getString("disabled_reason"));
    }

    /**
     * An endpoint just registered, with its signing secret (shown this once).
     */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /**
     * One delivery attempt.
     *
     * @param eventId the event delivered
     * @param attemptedAt when
     * @param status the HTTP status answered, {@code null} when none came
     * @param error why it failed, {@code null} when it succeeded
     * @param nextRetryAt when the next attempt is due, {@code null} when none is
     */
    public record DeliveryAttempt(String eventId, Instant attemptedAt, @Nullable Integer status,
            @Nullable String error, @Nullable Instant nextRetryAt) {
    }
}
