package com.firesync.schedule;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.sync.SyncEngine;
import com.firesync.sync.SyncOutcome;
import com.firesync.sync.SyncTrigger;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Syncs one connection for a job, through the engine's decisions (never forced): the policy skips fresh and
 * rate-limited connections, and the engine's claim keeps two syncs of one connection from running at once, across
 * instances.
 */
@Component
class ConnectionSyncTask {

    private final ConnectionLifecycle connections;

    private final SyncEngine engine;

    ConnectionSyncTask(ConnectionLifecycle connections, SyncEngine engine) {
        this.connections = connections;
        this.engine = engine;
    }

    void execute(ConnectionSyncRequest request) {
        var trigger = SyncTrigger.valueOf(request.trigger().toUpperCase(Locale.ROOT));
        connections.snapshot(request.connectionId()).ifPresent(connection -> {
            SyncOutcome outcome = engine.sync(connection, trigger, false);
            if (outcome.heldElsewhere()) {
                throw new ConnectionBusyException(connection.id());
            }
        });
    }
}
