/**
 * Simulated bank refreshes and the signed {@code CONNECTION_SYNCED} webhooks they send.
 */
@NullMarked
package com.firesync.sandbox.webhook;

import org.jspecify.annotations.NullMarked;
