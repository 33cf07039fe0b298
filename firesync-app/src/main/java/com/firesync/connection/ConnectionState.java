package com.firesync.connection;

import java.util.Locale;

/**
 * Where a connection stands. {@link #SYNCING} while a sync holds it; the others are resting states a sync ends in.
 */
public enum ConnectionState {

    /** Synced without trouble; syncs as scheduled. */
    ACTIVE,

    /** A sync holds the connection now. */
    SYNCING,

    /** Only the user can repair it (credentials, SCA, consent): never retried blindly, reconnect fixes it. */
    NEEDS_USER_ACTION,

    /** The last syncs failed for reasons that pass (provider or bank down, rate limits); retried with backoff. */
    FAILING,

    /** Switched off: never synced. */
    DISABLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
