package com.firesync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the health check job (which also watches the consents) as an admin would, through
 * {@code POST /api/sync/jobs/trigger/healthCheck}, and waits until that run has finished.
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    public static void run(Http http, JdbcClient jdbc, String adminToken) {
        long before = runs(jdbc, false);
        var answer = http.postJson("/api/sync/jobs/trigger/healthCheck", adminToken, "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> runs(jdbc, true) > before);
    }

    private static long runs(JdbcClient jdbc, boolean finished) {
        return jdbc.sql("SELECT runs FROM scheduled_job_runs WHERE job_name = 'healthCheck'"
                + (finished ? " AND last_finished_at IS NOT NULL" : "")).query(Long.class).optional().orElse(0L);
    }
}
