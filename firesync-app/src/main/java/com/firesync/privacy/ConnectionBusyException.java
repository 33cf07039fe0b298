package com.firesync.privacy;

/**
 * A sync that started before the deletion still holds the connection: the deletion waits for it (or for its lease to
 * expire) rather than racing its writes.
 */
public class ConnectionBusyException extends RuntimeException {

    ConnectionBusyException(long connectionId) {
        super("Connection " + connectionId + " is still held by a sync", null, false, false);
    }
}
