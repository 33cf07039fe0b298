package com.firesync.shared;

import org.springframework.http.HttpStatus;

/**
 * A request FireSync refuses, answered as a problem detail with a stable machine {@code code} and a {@code detail}
 * meant for the caller. Never carries secrets: the detail is shown as it is.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    /**
     * A resource that does not exist or is not the caller's: the two are indistinguishable on purpose.
     */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + "_not_found", "No " + what + " with that id.");
    }

    /**
     * A query or path parameter that does not parse or is out of range.
     */
    public static ApiException invalidParameter(String name, String expectation) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter",
                "Parameter '" + name + "' " + expectation + ".");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
