package com.firesync.connection;

import com.firesync.shared.DbTime;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Moves connections between states, and only as {@link ConnectionStateMachine} allows. A move is one conditional
 * update of the connection's row, on the state it was checked from: when another instance moves the connection
 * first, the move is checked again from the new state, so no instance ever writes a move the machine refuses. Every
 * move is recorded in {@code connection_transitions} and announced as a {@link ConnectionStateChanged}; a refused one
 * is logged and written nowhere.
 */
@Repository
class ConnectionTransitions {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTransitions.class);

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    ConnectionTransitions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Writes the change if the connection may move to its state from the state it is in (or is in it already: then
     * the rest is written and no move recorded).
     *
     * @return whether the change was written: not when the machine refuses the move, the change's condition does not
     *         hold or the connection is gone
     */
    boolean move(long connectionId, Change change, Instant at) {
        return move(connectionId, change, at, null);
    }

    /**
     * As {@link #move(long, Change, Instant)}, tried first from {@code likely}, the state the caller last saw the
     * connection in (with its owner and provider), without reading the row: when the connection has moved since, the
     * conditional update finds it in another state, and the move goes on from the state read then.
     */
    boolean move(long connectionId, Change change, Instant at, @Nullable Current likely) {
        boolean read = likely == null;
        Current current = read ? current(connectionId).orElse(null) : likely;
        for (;;) {
            if (current == null) {
                return false;
            }
            ConnectionState from = current.state();
            boolean transition = ConnectionStateMachine.allows(from, change.to());
            if (!transition && from != change.to()) {
                if (!read) {
                    // refused from what the caller saw: decided on the state the row is in
                    current = current(connectionId).orElse(null);
                    read = true;
                    continue;
                }
                log.warn("Refused to move connection {} from {} to {} ({})", connectionId, from.code(),
                        change.to().code(), change.reason());
                return false;
            }
            if (write(connectionId, from, change, at)) {
                if (transition) {
                    record(connectionId, current, change, at);
                }
                return true;
            }
            current = current(connectionId).orElse(null);
            read = true;
            if (current != null && current.state() == from) {
                // same state, so the change's own condition failed (a claim held, a connection deleted)
                return false;
            }
        }
    }

    private boolean write(long connectionId, ConnectionState from, Change change, Instant at) {
        String set = change.set().isEmpty() ? "" : ", " + change.set();
        return change.values()
                .apply(jdbc.sql("UPDATE connections SET state = :to, updated_at = :at" + set
                        + " WHERE id = :id AND state = :from" + change.condition()))
                .param("to", change.to().code())
                .param("from", from.code())
                .param("at", DbTime.param(at))
                .param("id", connectionId)
                .update() == 1;
    }

    /** The connection's state, with its owner and provider (which never change), read in one round trip. */
    private Optional<Current> current(long connectionId) {
        return jdbc.sql("SELECT state, user_id, provider FROM connections WHERE id = :id")
                .param("id", connectionId)
                .query((rs, row) -> new Current(ConnectionState.of(rs.getString("state")), rs.getLong("user_id"),
                        rs.getString("provider")))
                .optional();
    }

    /** A connection's state, with its owner and provider. */
    record Current(ConnectionState state, long userId, String provider) {
    }

    private void record(long connectionId, Current from, Change change, Instant at) {
        @Nullable
        String providerState = clip(change.providerState(), 64);
        jdbc.sql("""
                INSERT INTO connection_transitions (connection_id, from_state, to_state, provider_state, reason,
                                                    occurred_at)
                VALUES (:id, :from, :to, :providerState, :reason, :at)""")
                .param("id", connectionId)
                .param("from", from.state().code())
                .param("to", change.to().code())
                .param("providerState", providerState)
                .param("reason", clip(change.reason(), 200))
                .param("at", DbTime.param(at))
                .update();
        events.publishEvent(new ConnectionStateChanged(connectionId, from.userId(), from.state(), change.to(),
                providerState, at, from.provider()));
    }

    static @Nullable String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * A change of a connection's row that takes it to a state.
     *
     * @param to the state it takes the connection to
     * @param reason why, as recorded
     * @param providerState the provider's state code, when it explains the move
     * @param set the other columns it writes ({@code column = :param, ...}), if any
     * @param values binds the parameters of {@code set} and {@code condition}
     * @param condition what must also hold for the change to be written ({@code AND ...}), if anything
     */
    record Change(ConnectionState to, String reason, @Nullable String providerState, String set,
            UnaryOperator<StatementSpec> values, String condition) {

        static Change to(ConnectionState to, String reason, @Nullable String providerState) {
            return new Change(to, reason, providerState, "", UnaryOperator.identity(), "");
        }

        Change writing(String columns, UnaryOperator<StatementSpec> binding) {
            return new Change(to, reason, providerState, columns, binding, condition);
        }

        Change onlyIf(String sql) {
            return new Change(to, reason, providerState, set, values, " AND " + sql);
        }
    }
}
