package com.firesync.events;

import com.firesync.runtime.DatabaseKind;
import com.firesync.shared.DbTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable event log: appended to inside the database transaction of the change an event reports, read in id
 * order to replay what a client missed, pruned past the retention.
 */
@Repository
public class EventLog {

    private static final TypeReference<Map<String, @Nullable Object>> DATA = new TypeReference<>() {
    };

    /** The PostgreSQL channel on which a commit that wrote events is announced. */
    static final String CHANNEL = "firesync_events";

    private final JsonMapper json = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private final EventSettings settings;

    private final boolean postgres;

    EventLog(JdbcClient jdbc, EventSettings settings, Environment environment) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.postgres = DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL;
    }

    /**
     * Appends an event in the caller's database transaction (a transaction of its own when there is none), and answers
     * its id. On PostgreSQL the transaction is given its id before the event takes one (the {@code CASE} asks for the
     * transaction's id, {@code pg_current_xact_id()}, before it takes the event's from the sequence, in the same
     * statement): a tail that sees the event's id missing then finds its transaction among the running ones
     * ({@link GapWitness}) and waits for it, which it could not if the transaction got its id only after the snapshot
     * was taken.
     */
    @Transactional
    long append(long userId, String type, Instant occurredAt, Map<String, ? extends @Nullable Object> data) {
        var keys = new GeneratedKeyHolder();
        var insert = postgres
                ? jdbc.sql("""
                        INSERT INTO event_log (id, user_id, type, occurred_at, data)
                        VALUES (CASE WHEN pg_current_xact_id() IS NOT NULL
                                     THEN nextval(pg_get_serial_sequence('event_log', 'id')) END,
                                :user, :type, :at, :data)""")
                : jdbc.sql(
                        "INSERT INTO event_log (user_id, type, occurred_at, data) VALUES (:user, :type, :at, :data)");
        insert.param("user", userId)
                .param("type", type)
                .param("at", DbTime.param(occurredAt))
                .param("data", json.writeValueAsString(data))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
    }

    /**
     * The events after {@code afterId}, oldest first, at most {@code limit}: the user's, or every user's when
     * {@code userId} is {@code null}.
     */
    public List<Event> after(@Nullable Long userId, long afterId, int limit) {
        var query = userId == null
                ? jdbc.sql("SELECT id, user_id, type, occurred_at, data FROM event_log WHERE id > :after "
                        + "ORDER BY id LIMIT :limit")
                : jdbc.sql("SELECT id, user_id, type, occurred_at, data FROM event_log WHERE user_id = :user "
                        + "AND id > :after ORDER BY id LIMIT :limit").param("user", userId);
        return query.param("after", afterId)
                .param("limit", limit)
                .query((rs, row) -> new Event(Long.toString(rs.getLong("id")), rs.getString("type"),
                        Objects.requireNonNull(DbTime.read(rs, "occurred_at")), rs.getLong("user_id"),
                        json.readValue(rs.getString("data"), DATA)))
                .list();
    }

    /**
     * Deletes the user's events about a connection that is being deleted: nothing of it may remain.
     *
     * @return how many were deleted
     */
    public int forgetConnection(long userId, long connectionId) {
        return jdbc.sql("DELETE FROM event_log WHERE user_id = :user AND (data LIKE :middle OR data LIKE :end)")
                .param("user", userId)
                .param("middle", "%\"connectionId\":" + connectionId + ",%")
                .param("end", "%\"connectionId\":" + connectionId + "}%")
                .update();
    }

    /** The greatest id in the log, 0 when it is empty. */
    public long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM event_log").query(Long.class).single();
    }

    /**
     * Deletes the events, and the webhook delivery attempts, older than the retention
     * ({@code FIRESYNC_EVENTS_RETENTION}).
     *
     * @return how many were deleted
     */
    public int pruneBeyondRetention(Instant now) {
        Instant cutoff = now.minus(settings.retention());
        jdbc.sql("DELETE FROM webhook_deliveries WHERE attempted_at < :cutoff")
                .param("cutoff", DbTime.param(cutoff))
                .update();
        return jdbc.sql("DELETE FROM event_log WHERE occurred_at < :cutoff")
                .param("cutoff", DbTime.param(cutoff))
                .update();
    }
}
