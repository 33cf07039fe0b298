package com.firesync.provider.powens;

/**
 * A Powens answer FireSync cannot read: not JSON, cut short, or a field of the wrong kind. Classified as transient
 * so that the sync retries instead of storing half-read data.
 */
class MalformedResponseException extends RuntimeException {

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    MalformedResponseException(String message) {
        super(message);
    }
}
