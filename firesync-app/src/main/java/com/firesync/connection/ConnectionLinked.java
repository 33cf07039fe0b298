package com.firesync.connection;

/**
 * A bank connection was linked (new) or repaired (reconnected) through the webview: it needs a sync now.
 *
 * @param connectionId FireSync's connection id
 * @param userId the connection's owner
 * @param reconnected whether an existing connection was repaired rather than a new one linked
 */
public record ConnectionLinked(long connectionId, long userId, boolean reconnected) {
}
