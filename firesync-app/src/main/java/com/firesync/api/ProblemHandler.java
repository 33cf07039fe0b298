package com.firesync.api;

import com.firesync.shared.ApiException;
import com.firesync.shared.Problems;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of a request becomes a problem detail with {@code success: false} and a stable {@code code}. Spring
 * MVC's own failures (404, 405, 415, unreadable JSON, type mismatches, validation) keep their status; a database that
 * cannot take the request now is a 503 with {@code Retry-After}; anything unexpected is a 500 whose body says nothing
 * about the cause, which goes to the log instead.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** What a caller refused because the database is busy is told to wait before it tries again. */
    static final int BUSY_RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        return ResponseEntity.status(e.status())
                .body(Problems.of(e.status(), e.code(), String.valueOf(e.getMessage())));
    }

    /**
     * A query or form parameter that is not valid percent-encoded UTF-8: the container refuses to decode it.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
        var status = HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .body(Problems.of(status, "invalid_parameter",
                        "A request parameter is not valid percent-encoded UTF-8."));
    }

    /**
     * A request the security firewall refuses once it looks at it (say, a parameter name with control characters).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        var status = HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status)
                .body(Problems.of(status, "bad_request", "The request contains characters FireSync does not accept."));
    }

    /**
     * The database cannot take the request now: no pooled connection came in time, or a lock or statement timed out.
     * A moment later it may, so the caller is told to retry rather than that FireSync failed.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> busy(DataAccessException e) {
        log.warn("Request refused: the database is busy or unreachable ({})", e.getClass().getSimpleName(), e);
        var status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS))
                .body(Problems.of(status, "unavailable", "FireSync is busy; try again in a few seconds."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        var status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status)
                .body(Problems.of(status, "internal_error", "FireSync could not complete the request."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given
                ? given
                : ProblemDetail.forStatus(status);
        problem.setDetail(detail(e, problem));
        Problems.decorate(problem, code(e, status));
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String code(Exception e, HttpStatusCode status) {
        return switch (e) {
            case NoResourceFoundException notFound -> "not_found";
            case HttpRequestMethodNotSupportedException method -> "method_not_allowed";
            case HttpMediaTypeNotSupportedException mediaType -> "unsupported_media_type";
            case HttpMediaTypeNotAcceptableException mediaType -> "not_acceptable";
            case HttpMessageNotReadableException unreadable -> "malformed_body";
            case MethodArgumentNotValidException invalid -> "validation_failed";
            case HandlerMethodValidationException invalid -> "validation_failed";
            case MissingServletRequestParameterException missing -> "missing_parameter";
            case TypeMismatchException mismatch -> "invalid_parameter";
            default -> status.is4xxClientError() ? "bad_request" : "internal_error";
        };
    }

    /**
     * A detail that helps the caller without echoing internals: parser messages can quote class names, so they are
     * replaced by plain words.
     */
    private static @Nullable String detail(Exception e, ProblemDetail problem) {
        return switch (e) {
            case HttpMessageNotReadableException unreadable -> "The request body is missing or is not valid JSON"
                    + " of the expected shape.";
            case TypeMismatchException mismatch -> "Parameter '" + mismatch.getPropertyName() + "' has an invalid"
                    + " value.";
            case MethodArgumentNotValidException invalid -> invalid.getFieldErrors()
                    .stream()
                    .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("The request body is invalid.");
            case NoResourceFoundException notFound -> "No route or resource at this path.";
            default -> problem.getDetail() != null
                    ? problem.getDetail()
                    : HttpStatus.valueOf(problem.getStatus()).getReasonPhrase() + ".";
        };
    }
}
