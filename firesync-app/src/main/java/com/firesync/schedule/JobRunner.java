package com.firesync.schedule;

import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a job's work once, recording the run (for the job status), counting and timing it, and logging it. A failed
 * run is recorded and rethrown, so that the scheduler applies the task's failure handling.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Map<Job, JobWork> works = new EnumMap<>(Job.class);

    private final JobRuns runs;

    private final MeterRegistry meters;

    private final Clock clock;

    JobRunner(List<JobWork> works, JobRuns runs, MeterRegistry meters, Clock clock) {
        works.forEach(work -> this.works.put(work.job(), work));
        this.runs = runs;
        this.meters = meters;
        this.clock = clock;
    }

    void run(Job job) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        runs.started(job, started);
        String outcome = "failed";
        try {
            String detail = Objects.requireNonNull(works.get(job), job.id()).run();
            outcome = "succeeded";
            runs.finished(job, clock.instant(), outcome, detail);
            log.info("Job {} done in {} ms: {}", job.id(), Duration.ofNanos(System.nanoTime() - nanos).toMillis(),
                    detail);
        } catch (RuntimeException e) {
            runs.finished(job, clock.instant(), outcome, e.getClass().getSimpleName());
            log.error("Job {} failed", job.id(), e);
            throw e;
        } finally {
            meters.counter(MetricNames.JOB_RUNS, "job", job.id(), "outcome", outcome).increment();
            Timer.builder(MetricNames.JOB_DURATION)
                    .tag("job", job.id())
                    .register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - nanos));
        }
    }
}
