package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.json.ErrorJson;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Sandbox routes answer Powens error bodies, never FireSync problem JSON: this advice outranks FireSync's global one
 * for handlers of the sandbox package. Bad input is a 4xx; only a sandbox bug is a 500 ({@code bug}).
 */
@RestControllerAdvice(basePackages = "com.firesync.sandbox")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnSandbox
class SandboxErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(SandboxErrorAdvice.class);

    private final AtomicLong requestIds = new AtomicLong(1_000_000);

    @ExceptionHandler(PowensError.class)
    ResponseEntity<ErrorJson> refused(PowensError e) {
        var response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfter()));
        }
        return response.body(body(e.code(), String.valueOf(e.getMessage())));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<ErrorJson> missing(Exception e) {
        return ResponseEntity.badRequest().body(body("missingParameter", "A required parameter is missing."));
    }

    @ExceptionHandler({TypeMismatchException.class, HttpMessageNotReadableException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ErrorJson> invalid(Exception e) {
        return ResponseEntity.badRequest().body(body("invalidValue", "A parameter or the body has an invalid value."));
    }

    /** Rethrown so that the container closes the connection instead of writing an error body. */
    @ExceptionHandler(TruncatedResponse.class)
    void truncated(TruncatedResponse e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorJson> unexpected(Exception e) {
        log.error("Sandbox request failed unexpectedly", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(body("bug", "An internal error has occurred."));
    }

    private ErrorJson body(String code, String description) {
        return new ErrorJson(code, description, null, Long.toString(requestIds.incrementAndGet()));
    }
}
