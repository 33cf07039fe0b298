package com.firesync.sync;

import com.firesync.ledger.WriteCounts;
import com.firesync.shared.DbTime;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The record of every sync: when, why, how it ended, what it changed.
 */
@Repository
class SyncRuns {

    private final JdbcClient jdbc;

    private final Clock clock;

    SyncRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long start(long connectionId, long userId, String trigger, String instance) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sync_runs (connection_id, user_id, trigger_kind, started_at, instance_id)
                VALUES (:connection, :user, :trigger, :now, :instance)""")
                .param("instance", instance)
                .param("connection", connectionId)
                .param("user", userId)
                .param("trigger", trigger)
                .param("now", DbTime.param(clock.instant()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void finish(long runId, RunOutcome outcome, @Nullable String errorCode, int accounts, WriteCounts counts) {
        jdbc.sql("""
                UPDATE sync_runs SET finished_at = :now, outcome = :outcome, accounts_synced = :accounts,
                       transactions_added = :added, transactions_updated = :updated,
                       transactions_removed = :removed, error_code = :error
                WHERE id = :id""")
                .param("now", DbTime.param(clock.instant()))
                .param("outcome", outcome.code())
                .param("accounts", accounts)
                .param("added", counts.added())
                .param("updated", counts.updated())
                .param("removed", counts.removed())
                .param("error", errorCode)
                .param("id", runId)
                .update();
    }
}
