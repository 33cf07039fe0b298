package com.firesync.schedule;

import com.firesync.runtime.FireSyncSettings;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The scheduled jobs as the API sees them: their status, manual triggers, and the sync service's health.
 */
@Service
public class ScheduledJobs {

    private final Scheduler scheduler;

    private final JobSchedules schedules;

    private final JobRuns runs;

    private final TaskQueue queue;

    private final SyncHealth health;

    private final FireSyncSettings application;

    private final Clock clock;

    ScheduledJobs(Scheduler scheduler, JobSchedules schedules, JobRuns runs, TaskQueue queue, SyncHealth health,
            FireSyncSettings application, Clock clock) {
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.runs = runs;
        this.queue = queue;
        this.health = health;
        this.application = application;
        this.clock = clock;
    }

    /**
     * Every job's schedule, last run and next run.
     */
    public List<JobStatus> status() {
        Map<String, JobRuns.LastRun> last = runs.all();
        return Arrays.stream(Job.values()).map(job -> status(job, last.get(job.id()))).toList();
    }

    /**
     * Queues one run of the job now, on whichever instance picks it first.
     *
     * @return when it was queued, or empty when no job has that name
     */
    public Optional<Triggered> trigger(String name) {
        return Job.byId(name).map(job -> {
            boolean queued = queue.runJob(job);
            return new Triggered(job.id(), clock.instant(), queued);
        });
    }

    /**
     * The sync service's health now.
     */
    public ServiceHealth health() {
        SyncHealth.Report report = health.report();
        HealthFigures.Counts counts = report.counts();
        return new ServiceHealth(report.status(),
                new ServiceHealth.SyncService(counts.totalSyncs(), counts.successfulSyncs(), counts.successRate(),
                        report.activeJobs()),
                new ServiceHealth.ScheduledJobs(report.initialized(), Job.values().length, report.jobs()),
                new ServiceHealth.Database(counts.connections(), counts.accounts(), counts.transactions(),
                        report.database()),
                report.reasons());
    }

    private JobStatus status(Job job, JobRuns.@Nullable LastRun last) {
        Optional<ScheduledExecution<Object>> next = application.scheduledSync()
                ? scheduler.getScheduledExecution(TaskInstanceId.of(job.id(), RecurringTask.INSTANCE))
                : Optional.empty();
        Optional<ScheduledExecution<Object>> manual = scheduler
                .getScheduledExecution(TaskInstanceId.of(TaskQueue.RUN_JOB, job.id()));
        boolean running = next.map(ScheduledExecution::isPicked).orElse(false)
                || manual.map(ScheduledExecution::isPicked).orElse(false);
        Instant nextRun = next.map(ScheduledExecution::getExecutionTime).orElse(null);
        return new JobStatus(job.id(), schedules.describe(job), application.scheduledSync(),
                last == null ? null : last.startedAt(), last == null ? null : last.finishedAt(),
                last == null ? null : last.outcome(), last == null ? null : last.detail(), nextRun, running);
    }

    /**
     * A manual run was asked for.
     *
     * @param job the job
     * @param queuedAt when
     * @param queued {@code false} when a manual run of it was already waiting or running (it was not queued twice)
     */
    public record Triggered(String job, Instant queuedAt, boolean queued) {
    }
}
