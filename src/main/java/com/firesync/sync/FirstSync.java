package com.firesync.sync;

import com.firesync.connection.ConnectionLinked;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Syncs a connection as soon as it is linked or repaired, in the background, after the link was committed. The event
 * is recorded in the database, so a crash before the sync completes re-runs it on restart.
 */
@Component
class FirstSync {

    private final ConnectionSync sync;

    FirstSync(ConnectionSync sync) {
        this.sync = sync;
    }

    @ApplicationModuleListener
    void on(ConnectionLinked linked) {
        sync.sync(linked.connectionId(), linked.reconnected() ? "reconnect" : "connect");
    }
}
