package com.firesync.schedule;

import com.firesync.shared.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts the health report reads, in one query; empty when the database does not answer.
 */
@Repository
class HealthFigures {

    private final JdbcClient jdbc;

    private final com.firesync.sync.SyncSettings sync;

    HealthFigures(JdbcClient jdbc, com.firesync.sync.SyncSettings sync) {
        this.jdbc = jdbc;
        this.sync = sync;
    }

    Optional<Counts> counts(Instant now) {
        try {
            return Optional.of(jdbc.sql("""
                    SELECT (SELECT COUNT(*) FROM connections) AS connections,
                           (SELECT COUNT(*) FROM accounts WHERE deleted_at IS NULL) AS accounts,
                           (SELECT COUNT(*) FROM transactions WHERE deleted_at IS NULL) AS transactions,
                           (SELECT COUNT(*) FROM sync_runs WHERE finished_at IS NOT NULL) AS total_syncs,
                           (SELECT COUNT(*) FROM sync_runs WHERE outcome = 'synced') AS successful_syncs,
                           (SELECT COUNT(*) FROM connections WHERE state NOT IN ('disabled', 'needs_user_action'))
                               AS syncable,
                           (SELECT COUNT(*) FROM connections WHERE state NOT IN ('disabled', 'needs_user_action')
                               AND (state = 'failing' OR last_success_at IS NULL OR last_success_at < :stale))
                               AS failing_or_stale""")
                    .param("stale", DbTime.param(now.minus(sync.staleAfter())))
                    .query((rs, row) -> new Counts(rs.getLong("connections"), rs.getLong("accounts"),
                            rs.getLong("transactions"), rs.getLong("total_syncs"), rs.getLong("successful_syncs"),
                            rs.getLong("syncable"), rs.getLong("failing_or_stale")))
                    .single());
        } catch (DataAccessException e) {
            return Optional.empty();
        }
    }

    /**
     * What the health report counts.
     */
    record Counts(long connections, long accounts, long transactions, long totalSyncs, long successfulSyncs,
            long syncable, long failingOrStale) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        String successRate() {
            return String.format(java.util.Locale.ROOT, "%.2f%%",
                    totalSyncs == 0 ? 0.0 : 100.0 * successfulSyncs / totalSyncs);
        }
    }
}
