package com.firesync.events.web;

import com.firesync.events.EventStreams;
import com.firesync.shared.ApiException;
import com.firesync.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * What both stream routes read from a request: whose events (the caller's, or every user's for an admin asking
 * {@code scope=all}), the event to resume after, the token the stream counts against.
 */
final class StreamRequests {

    private static final String BEARER = "Bearer ";

    private StreamRequests() {
    }

    /** The user whose events the stream carries; {@code null} for every user's. */
    static @Nullable Long scope(@Nullable String scope, long userId, boolean admin) {
        if (scope == null || scope.isBlank() || scope.strip().equals("user")) {
            return userId;
        }
        if (!scope.strip().equals("all")) {
            throw ApiException.invalidParameter("scope", "must be 'user' or 'all'");
        }
        if (!admin) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Only an admin may follow every user's events.");
        }
        return null;
    }

    /** The event id to resume after, or {@code null} for new events only. */
    static @Nullable Long after(String name, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return EventStreams.position(raw)
                .orElseThrow(() -> ApiException.invalidParameter(name, "must be an event id received before"));
    }

    /** The hash of the bearer token a request carries, which its streams count against. */
    static @Nullable String tokenKey(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return Sha256.hex(authorization.substring(BEARER.length()).strip());
    }
}
