package com.firesync.sync;

/**
 * A verified webhook was stored in the inbox and waits to be applied.
 *
 * @param inboxId the inbox row holding the raw webhook
 */
record WebhookReceived(long inboxId) {
}
