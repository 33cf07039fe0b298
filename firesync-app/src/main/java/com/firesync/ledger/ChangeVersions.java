package com.firesync.ledger;

import com.firesync.runtime.DatabaseKind;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change feed's clock: each write of a user's transactions takes the user's change head, a row locked until the
 * write commits, and a fresh version from the sequence shared by every instance. One user's writes thus commit in
 * version order, so a reader past version {@code v} can never see a later commit bring a row at {@code v} or below.
 */
@Repository
class ChangeVersions {

    private final JdbcClient jdbc;

    /** PostgreSQL answers the new version with the update ({@code RETURNING}); H2 is asked again. */
    private final boolean returning;

    ChangeVersions(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.returning = DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL;
    }

    /** Takes the user's head for the current database transaction and answers the version its rows carry. */
    long next(long userId) {
        Optional<Long> version = advance(userId);
        if (version.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO transaction_change_heads (user_id, version) VALUES (:user, 0)
                    ON CONFLICT DO NOTHING""").param("user", userId).update();
            version = advance(userId);
        }
        return version.orElseThrow();
    }

    /** The version below which the user's cursors are expired; 0 when none is. */
    long floor(long userId) {
        return jdbc.sql("SELECT floor_version FROM transaction_change_heads WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Expires every cursor the user holds: rows were deleted outright, so their removal cannot be reported. */
    void expireCursors(long userId) {
        long version = next(userId);
        jdbc.sql("UPDATE transaction_change_heads SET floor_version = :version WHERE user_id = :user")
                .param("version", version)
                .param("user", userId)
                .update();
    }

    /** Moves the user's head to a fresh version and answers it; empty when the user has no head yet. */
    private Optional<Long> advance(long userId) {
        String update = "UPDATE transaction_change_heads SET version = nextval('transaction_changes') "
                + "WHERE user_id = :user";
        if (returning) {
            return jdbc.sql(update + " RETURNING version").param("user", userId).query(Long.class).optional();
        }
        if (jdbc.sql(update).param("user", userId).update() == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT version FROM transaction_change_heads WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single());
    }
}
