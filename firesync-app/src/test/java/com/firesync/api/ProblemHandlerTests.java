package com.firesync.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A database that cannot take a request now (no pooled connection in time, a lock timeout) is a 503 the caller may
 * retry, not a 500.
 */
class ProblemHandlerTests {

    final ProblemHandler handler = new ProblemHandler();

    @Test
    void aPoolWithNoConnectionInTimeAsksTheCallerToRetry() {
        var answer = handler.busy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getProperties()).containsEntry("code", "unavailable")
                .containsEntry("success", false);
        assertThat(answer.getBody().getDetail()).doesNotContain("JDBC");
    }

    @Test
    void aLockTimeoutAsksTheCallerToRetry() {
        var answer = handler.busy(new CannotAcquireLockException("lock timeout"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getProperties()).containsEntry("code", "unavailable");
    }
}
