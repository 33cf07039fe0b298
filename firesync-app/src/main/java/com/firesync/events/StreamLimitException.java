package com.firesync.events;

import com.firesync.shared.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The token holds as many open streams as it may.
 */
public final class StreamLimitException extends ApiException {

    StreamLimitException(int max) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too_many_streams",
                "This token already holds " + max + " open event streams; close one first.");
    }
}
