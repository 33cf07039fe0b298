package com.firesync.security;

import com.firesync.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers refused requests with problem details: 401 without a valid token, 403 without the role, 429 over the
 * token's rate limit, 413 over the body size cap.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                "A valid API token is required: send 'Authorization: Bearer <token>'.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "This route needs the admin role.");
    }

    /**
     * Refuses a request over its token's rate limit.
     */
    void rateLimited(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests with this API token; retry after " + retryAfterSeconds + " s.");
    }

    /**
     * Refuses a request whose declared body is over the route's cap.
     */
    void tooLarge(HttpServletResponse response, long limit) throws IOException {
        var refusal = BodySizeLimit.tooLarge(limit);
        write(response, refusal.status(), refusal.code(), String.valueOf(refusal.getMessage()));
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, code, detail));
    }
}
