package com.firesync.schedule;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionState;
import com.firesync.sync.SyncTrigger;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every connection that can sync gets a sync task, failing ones first; the tasks spread over every instance, and
 * each goes through the engine's decisions (fresh and rate-limited connections are skipped).
 */
@Component
class PeriodicSyncJob implements JobWork {

    private final ConnectionLifecycle connections;

    private final TaskQueue queue;

    PeriodicSyncJob(ConnectionLifecycle connections, TaskQueue queue) {
        this.connections = connections;
        this.queue = queue;
    }

    @Override
    public Job job() {
        return Job.PERIODIC_SYNC;
    }

    @Override
    public String run() {
        List<Long> ids = connections.select(connection -> connection.state() != ConnectionState.DISABLED);
        int queued = queue.syncConnections(ids, SyncTrigger.SCHEDULE);
        return "queued " + queued + " of " + ids.size() + " connections";
    }
}
