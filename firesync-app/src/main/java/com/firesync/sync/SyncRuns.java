package com.firesync.sync;

import com.firesync.ledger.WriteCounts;
import com.firesync.shared.DbTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The record of every sync: when, why, how it ended, what it changed.
 */
@Repository
public class SyncRuns {

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
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
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

    /**
     * Deletes the finished runs that started before {@code cutoff}; a run still going stays, however old.
     *
     * @return how many were deleted
     */
    public int pruneFinishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM sync_runs WHERE started_at < :cutoff AND finished_at IS NOT NULL")
                .param("cutoff", DbTime.param(cutoff))
                .update();
    }

    /**
     * Ends the runs still unfinished that started before {@code cutoff} as {@code abandoned}: the instance that ran
     * them died holding them, so no one else will.
     *
     * @return how many were ended
     */
    public int abandonUnfinishedBefore(Instant cutoff) {
        return jdbc.sql("""
                UPDATE sync_runs SET outcome = 'abandoned', finished_at = :now, error_code = 'abandoned'
                WHERE finished_at IS NULL AND started_at < :cutoff""")
                .param("now", DbTime.param(clock.instant()))
                .param("cutoff", DbTime.param(cutoff))
                .update();
    }

    /**
     * Counts every finished run.
     */
    public RunCounts countFinished() {
        return countFinishedSince(Instant.EPOCH);
    }

    /**
     * Counts the finished runs that started at or after {@code since}.
     */
    public RunCounts countFinishedSince(Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) AS finished,
                       COALESCE(SUM(CASE WHEN outcome = 'synced' THEN 1 ELSE 0 END), 0) AS synced,
                       COALESCE(SUM(transactions_added), 0) AS added
                FROM sync_runs WHERE started_at >= :since AND finished_at IS NOT NULL""")
                .param("since", DbTime.param(since))
                .query((rs, row) -> new RunCounts(rs.getLong("finished"), rs.getLong("synced"), rs.getLong("added")))
                .single();
    }

    /**
     * How many runs finished, how many of them synced, and the transactions they added.
     */
    public record RunCounts(long finished, long synced, long transactionsAdded) {

        /**
         * The share of finished runs that synced, in percent; 0 when none finished.
         */
        public double successPercent() {
            return finished == 0 ? 0.0 : 100.0 * synced / finished;
        }
    }
}
