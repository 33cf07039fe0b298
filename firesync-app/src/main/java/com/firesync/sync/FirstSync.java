package com.firesync.sync;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionLinked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Syncs a connection as soon as it is linked or repaired, in the background, after the link was committed. The event
 * is recorded in the database, so a crash before the sync completes re-runs it on restart.
 */
@Component
class FirstSync {

    private final SyncEngine engine;

    private final ConnectionLifecycle connections;

    private final SyncSlots slots;

    FirstSync(SyncEngine engine, ConnectionLifecycle connections, SyncSlots slots) {
        this.engine = engine;
        this.connections = connections;
        this.slots = slots;
    }

    // no transaction around the listener: the sync commits account by account and must not hold row locks
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConnectionLinked linked) throws InterruptedException {
        SyncTrigger trigger = linked.reconnected() ? SyncTrigger.RECONNECT : SyncTrigger.CONNECT;
        for (int attempt = 1;; attempt++) {
            var connection = connections.snapshot(linked.connectionId());
            if (connection.isEmpty()) {
                return;
            }
            SyncOutcome outcome = slots.firstSync(connection.get().userId(),
                    () -> engine.sync(connection.get(), trigger, false));
            // a webhook writing the same connection holds it for a moment: the first sync waits for it
            if (!outcome.heldElsewhere() || !ClaimWait.before(attempt)) {
                return;
            }
        }
    }
}
