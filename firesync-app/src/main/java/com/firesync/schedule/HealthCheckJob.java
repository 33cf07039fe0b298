package com.firesync.schedule;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.ConsentWatch;
import com.firesync.sync.SyncPolicy;
import com.firesync.sync.SyncRuns;
import com.firesync.sync.SyncSettings;
import com.firesync.sync.SyncTrigger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Announces the consents ending within a week and puts the connections whose consent ended in
 * {@code needs_user_action} ({@link ConsentWatch}), reaps sync runs left unfinished past their lease (their instance
 * died: they are marked {@code abandoned}), queues a
 * sync of every stale connection and of every connection still marked syncing after its claim expired, and logs the
 * service's health.
 */
@Component
class HealthCheckJob implements JobWork {

    private static final Logger log = LoggerFactory.getLogger(HealthCheckJob.class);

    private final ConnectionLifecycle connections;

    private final SyncPolicy policy;

    private final SyncSettings sync;

    private final TaskQueue queue;

    private final SyncHealth health;

    private final SyncRuns runs;

    private final Clock clock;

    private final ConsentWatch consents;

    HealthCheckJob(ConnectionLifecycle connections, SyncPolicy policy, SyncSettings sync, TaskQueue queue,
            SyncHealth health, SyncRuns runs, Clock clock, ConsentWatch consents) {
        this.consents = consents;
        this.connections = connections;
        this.policy = policy;
        this.sync = sync;
        this.queue = queue;
        this.health = health;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public Job job() {
        return Job.HEALTH_CHECK;
    }

    @Override
    public String run() {
        Instant now = clock.instant();
        int announced = consents.announceExpiring(now);
        int expired = consents.endExpired(now);
        int reaped = runs.abandonUnfinishedBefore(now.minus(sync.lease()));
        List<Long> due = connections.select(connection -> needsSync(connection, now));
        int queued = queue.syncConnections(due, SyncTrigger.HEALTH);
        SyncHealth.Report report = health.report();
        if (!report.reasons().isEmpty()) {
            log.warn("Sync service {}: {}", report.status(), String.join("; ", report.reasons()));
        }
        return "announced " + announced + " expiring consents, " + expired + " expired, reaped " + reaped
                + " stuck runs, queued " + queued + " stale connections, status "
                + report.status();
    }

    private boolean needsSync(ConnectionSnapshot connection, Instant now) {
        return switch (connection.state()) {
            case DISABLED, NEEDS_USER_ACTION -> false;
            case SYNCING -> connection.claimedUntil() == null || connection.claimedUntil().isBefore(now);
            case ACTIVE, FAILING -> policy.isStale(connection, now);
        };
    }
}
