package com.firesync.shared;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's row in a table of locks ({@code user_id} its key), locked until the caller's transaction ends: writers of
 * one user's rows that must go one after the other, across instances, each take it first.
 */
public final class UserLocks {

    private UserLocks() {
    }

    /**
     * Locks the user's row of {@code table}, creating it (its {@code createdColumn} set to {@code now}) the first
     * time. One statement once the row exists; a concurrent creation waits for the other's commit, then does nothing.
     */
    public static void take(JdbcClient jdbc, String table, String createdColumn, long userId, Instant now) {
        String select = "SELECT user_id FROM " + table + " WHERE user_id = :user FOR UPDATE";
        if (!jdbc.sql(select).param("user", userId).query(Long.class).list().isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO " + table + " (user_id, " + createdColumn
                + ") VALUES (:user, :now) ON CONFLICT DO NOTHING")
                .param("user", userId)
                .param("now", DbTime.at(now))
                .update();
        jdbc.sql(select).param("user", userId).query(Long.class).list();
    }
}
