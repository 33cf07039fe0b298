package com.firesync.sync;

import java.util.Locale;

/**
 * Why a sync runs. Stored on each sync run.
 */
public enum SyncTrigger {

    /** A user or admin asked through the API. */
    MANUAL,

    /** A scheduled job. */
    SCHEDULE,

    /** A provider webhook announced new data. */
    WEBHOOK,

    /** The health check found the connection stale. */
    HEALTH,

    /** The user just linked the connection in the webview. */
    CONNECT,

    /** The user just repaired the connection in the webview. */
    RECONNECT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the user just went through the webview for this connection: its sync runs at once.
     */
    boolean userLinked() {
        return this == CONNECT || this == RECONNECT;
    }
}
