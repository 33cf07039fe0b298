package com.firesync.sandbox.enablebanking;

import org.jspecify.annotations.Nullable;

/**
 * A refusal in Enable Banking's {@code ErrorResponse} shape: HTTP status, {@code error} code, message and detail.
 */
final class EnableBankingError extends RuntimeException {

    private final int status;

    private final String error;

    private final @Nullable Object detail;

    EnableBankingError(int status, String error, String message, @Nullable Object detail) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.detail = detail;
    }

    static EnableBankingError unprocessable(String error, String message, @Nullable Object detail) {
        return new EnableBankingError(422, error, message, detail);
    }

    static EnableBankingError wrongParameters(String detail) {
        return unprocessable("WRONG_REQUEST_PARAMETERS", "Wrong request parameters provided", detail);
    }

    static EnableBankingError unauthorized(String error, String message) {
        return new EnableBankingError(401, error, message, null);
    }

    /** Throws this error, in an expression that must yield a value. */
    <T> T thrown() {
        throw this;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** A string, or an object (e.g. the corrected {@code date_from} of a refused period). */
    @Nullable
    Object detail() {
        return detail;
    }
}
