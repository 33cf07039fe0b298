package com.firesync.sync;

import java.util.Locale;

/**
 * What applying a stored webhook did, as {@code webhook_inbox.outcome} and the applied-webhooks meter show it (its
 * lower-case code).
 */
enum WebhookOutcome {

    /** Its accounts and transactions were written. */
    APPLIED,

    /** The provider deleted the connection: it is disabled. */
    DISABLED,

    /** The provider says only the user can repair the connection. */
    NEEDS_USER_ACTION,

    /** No live connection has the provider's id (never linked, or deleted). */
    UNKNOWN_CONNECTION,

    /** Syncs held the connection for too long: the next sync reads what it carried. */
    DEFERRED_TO_SYNC,

    /** An event FireSync does not act on. */
    IGNORED,

    /** Its body could not be read. */
    MALFORMED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
