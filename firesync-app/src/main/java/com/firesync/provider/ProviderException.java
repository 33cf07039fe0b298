package com.firesync.provider;

import org.jspecify.annotations.Nullable;

/**
 * A provider call that failed, with its {@link ProviderFailure classification}. The message names the operation and
 * the classification only: never a token, code, secret or response body.
 */
public class ProviderException extends RuntimeException {

    private final ProviderFailure failure;

    public ProviderException(String operation, ProviderFailure failure) {
        this(operation, failure, null);
    }

    public ProviderException(String operation, ProviderFailure failure, @Nullable Throwable cause) {
        super(operation + " failed: " + failure, cause);
        this.failure = failure;
    }

    public ProviderFailure failure() {
        return failure;
    }
}
