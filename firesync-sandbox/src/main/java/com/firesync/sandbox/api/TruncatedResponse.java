package com.firesync.sandbox.api;

/**
 * Thrown after part of a body was written and flushed, so that the container aborts the connection mid-page: the
 * {@code truncated} scenario. Never rendered as an error body.
 */
final class TruncatedResponse extends RuntimeException {

    TruncatedResponse() {
        super("Connection dropped mid-page on purpose (truncated scenario)", null, false, false);
    }
}
