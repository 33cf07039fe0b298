package com.firesync.schedule;

import com.firesync.connection.Connections;
import com.firesync.ledger.LedgerQueries;
import com.firesync.sync.SyncPolicy;
import com.firesync.sync.SyncRuns;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The counts the health report reads, each from the module that owns it; empty when the database does not answer.
 */
@Component
class HealthFigures {

    private final Connections connections;

    private final LedgerQueries ledger;

    private final SyncRuns runs;

    private final SyncPolicy policy;

    HealthFigures(Connections connections, LedgerQueries ledger, SyncRuns runs, SyncPolicy policy) {
        this.connections = connections;
        this.ledger = ledger;
        this.runs = runs;
        this.policy = policy;
    }

    Optional<Counts> counts(Instant now) {
        try {
            SyncPolicy.StaleBefore stale = policy.staleBefore(now);
            Connections.ConnectionCounts connected = connections.countConnections(stale.others(), stale.byProvider());
            SyncRuns.RunCounts finished = runs.countFinished();
            return Optional.of(new Counts(connected.total(), ledger.countAccounts(), ledger.countTransactions(),
                    finished.finished(), finished.synced(), connected.syncable(), connected.failingOrStale()));
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
