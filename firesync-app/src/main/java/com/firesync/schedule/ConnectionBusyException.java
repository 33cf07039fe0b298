package com.firesync.schedule;

/**
 * Another sync holds the connection (possibly on an instance that died, until its lease expires): the
 * {@code syncConnection} task is tried again later instead of counting the connection as done.
 */
class ConnectionBusyException extends RuntimeException {

    ConnectionBusyException(long connectionId) {
        super("Connection " + connectionId + " is being synced by another run", null, false, false);
    }
}
