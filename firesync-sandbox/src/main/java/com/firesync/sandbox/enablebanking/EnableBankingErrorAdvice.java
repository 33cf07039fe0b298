package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.enablebanking.json.ErrorJson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Enable Banking face answers Enable Banking's error body, never a Powens one nor FireSync problem JSON: it
 * outranks the sandbox's Powens advice for the handlers of this package. Bad input is a 422
 * {@code WRONG_REQUEST_PARAMETERS}, as Enable Banking's request validation answers; only a sandbox bug is a 500.
 */
@RestControllerAdvice(basePackageClasses = EnableBankingErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnSandbox
class EnableBankingErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(EnableBankingErrorAdvice.class);

    @ExceptionHandler(EnableBankingError.class)
    ResponseEntity<ErrorJson> refused(EnableBankingError e) {
        return body(e.status(), e.error(), String.valueOf(e.getMessage()), e.detail());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, TypeMismatchException.class,
            HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ErrorJson> invalid(Exception e) {
        return body(422, "WRONG_REQUEST_PARAMETERS", "Wrong request parameters provided",
                "A parameter or the body is missing or has an invalid value.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorJson> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            int status = framework.getStatusCode().value();
            return body(status, null, "The request was refused", e.getMessage());
        }
        log.error("Sandbox Enable Banking request failed unexpectedly", e);
        return body(500, null, "Internal server error", null);
    }

    private static ResponseEntity<ErrorJson> body(int status, @Nullable String error, String message,
            @Nullable Object detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorJson(message, status, error, detail));
    }
}
