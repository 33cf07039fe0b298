package com.firesync.schedule;

import com.firesync.shared.DbTime;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last run of each job, whichever instance ran it.
 */
@Repository
class JobRuns {

    private final JdbcClient jdbc;

    JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void started(Job job, Instant at) {
        int updated = jdbc.sql("""
                UPDATE scheduled_job_runs SET last_started_at = :at, last_finished_at = NULL, last_outcome = 'running',
                       last_detail = NULL, runs = runs + 1
                WHERE job_name = :job""").param("at", DbTime.param(at)).param("job", job.id()).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO scheduled_job_runs (job_name, last_started_at, last_outcome, runs)
                        VALUES (:job, :at, 'running', 1)""").param("job", job.id()).param("at", DbTime.param(at))
                        .update();
            } catch (DuplicateKeyException e) {
                started(job, at);
            }
        }
    }

    void finished(Job job, Instant at, String outcome, @Nullable String detail) {
        jdbc.sql("""
                UPDATE scheduled_job_runs SET last_finished_at = :at, last_outcome = :outcome, last_detail = :detail
                WHERE job_name = :job""")
                .param("at", DbTime.param(at))
                .param("outcome", outcome)
                .param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 500)))
                .param("job", job.id())
                .update();
    }

    Map<String, LastRun> all() {
        return jdbc.sql("SELECT job_name, last_started_at, last_finished_at, last_outcome, last_detail, runs"
                + " FROM scheduled_job_runs")
                .query((rs, row) -> new LastRun(rs.getString("job_name"), DbTime.read(rs, "last_started_at"),
                        DbTime.read(rs, "last_finished_at"), rs.getString("last_outcome"),
                        rs.getString("last_detail"), rs.getLong("runs")))
                .list()
                .stream()
                .collect(Collectors.toMap(LastRun::job, Function.identity()));
    }

    /**
     * A job's last run.
     *
     * @param outcome {@code running}, {@code succeeded} or {@code failed}
     */
    record LastRun(String job, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String outcome,
            @Nullable String detail, long runs) {
    }
}
