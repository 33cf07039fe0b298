package com.firesync.sandbox.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A refusal in Powens terms: an HTTP status, a Powens error code and a description; {@code retryAfter} seconds when
 * the client should wait.
 */
final class PowensError extends RuntimeException {

    private final HttpStatus status;

    private final String code;

    private final @Nullable Integer retryAfter;

    PowensError(HttpStatus status, String code, String description) {
        this(status, code, description, null);
    }

    PowensError(HttpStatus status, String code, String description, @Nullable Integer retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    @Nullable
    Integer retryAfter() {
        return retryAfter;
    }

    static PowensError invalidValue(String description) {
        return new PowensError(HttpStatus.BAD_REQUEST, "invalidValue", description);
    }

    static PowensError missingParameter(String name) {
        return new PowensError(HttpStatus.BAD_REQUEST, "missingParameter", "Missing parameter " + name + ".");
    }

    static PowensError noAccount() {
        return new PowensError(HttpStatus.BAD_REQUEST, "noAccount", "No bank account is available.");
    }

    static PowensError notFound(String what) {
        return new PowensError(HttpStatus.NOT_FOUND, "notFound", what + " not found.");
    }

    static PowensError invalidToken() {
        return new PowensError(HttpStatus.UNAUTHORIZED, "invalidToken",
                "The access token is missing, invalid or revoked.");
    }
}
