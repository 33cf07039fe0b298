package com.firesync.schedule;

import com.firesync.runtime.FireSyncSettings;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The sync service's health from real checks: the database answers, the scheduler runs and no job is overdue, and
 * few connections are failing or stale. {@code unhealthy} when the database is down or most connections fail;
 * {@code degraded} when the scheduler is stopped, a job is overdue, or a notable share of connections fail.
 */
@Component
class SyncHealth {

    /** Above this share of failing or stale connections the service is degraded. */
    static final double DEGRADED_SHARE = 0.2;

    /** Above this share it is unhealthy. */
    static final double UNHEALTHY_SHARE = 0.5;

    private final HealthFigures figures;

    // the scheduler runs the health check, which reads this report: resolved on use
    private final ObjectProvider<Scheduler> scheduler;

    private final JobSchedules schedules;

    private final ScheduleSettings settings;

    private final FireSyncSettings application;

    private final Clock clock;

    SyncHealth(HealthFigures figures, ObjectProvider<Scheduler> scheduler, JobSchedules schedules,
            ScheduleSettings settings,
            FireSyncSettings application, Clock clock) {
        this.figures = figures;
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.settings = settings;
        this.application = application;
        this.clock = clock;
    }

    Report report() {
        List<String> reasons = new ArrayList<>();
        Optional<HealthFigures.Counts> counts = figures.counts(clock.instant());
        String database = counts.isPresent() ? "healthy" : "unhealthy";
        if (counts.isEmpty()) {
            reasons.add("database unreachable");
        }
        String jobs = jobsStatus(reasons);
        String status = counts.isEmpty() ? "unhealthy" : "healthy";
        if (counts.isPresent()) {
            status = worst(status, connectionsStatus(counts.get(), reasons));
        }
        if ("unhealthy".equals(jobs) && "healthy".equals(status)) {
            status = "degraded";
        }
        return new Report(status, counts.orElse(HealthFigures.Counts.NONE), database, jobs,
                application.scheduledSync(), activeJobs(), List.copyOf(reasons));
    }

    private String jobsStatus(List<String> reasons) {
        if (!application.scheduledSync()) {
            return "disabled";
        }
        if (scheduler.getObject().getSchedulerState().isShuttingDown()
                || !scheduler.getObject().getSchedulerState().isStarted()) {
            reasons.add("scheduler not running");
            return "unhealthy";
        }
        Instant limit = clock.instant().minus(settings.pollingInterval().multipliedBy(3).plusMinutes(5));
        List<String> overdue = new ArrayList<>();
        for (Job job : Job.values()) {
            Optional<ScheduledExecution<Object>> next = scheduler.getObject()
                    .getScheduledExecution(TaskInstanceId.of(job.id(), RecurringTask.INSTANCE));
            if (next.isEmpty() || (!next.get().isPicked() && next.get().getExecutionTime().isBefore(limit))) {
                overdue.add(job.id());
            }
        }
        if (!overdue.isEmpty()) {
            reasons.add("jobs overdue or missing: " + String.join(", ", overdue));
            return "unhealthy";
        }
        return "healthy";
    }

    private static String connectionsStatus(HealthFigures.Counts counts, List<String> reasons) {
        if (counts.syncable() == 0) {
            return "healthy";
        }
        double share = (double) counts.failingOrStale() / counts.syncable();
        if (share <= DEGRADED_SHARE) {
            return "healthy";
        }
        reasons.add(String.format(java.util.Locale.ROOT, "%d of %d connections failing or stale",
                counts.failingOrStale(), counts.syncable()));
        return share > UNHEALTHY_SHARE ? "unhealthy" : "degraded";
    }

    private int activeJobs() {
        return scheduler.getObject().getScheduledExecutions(
                com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter.all().withPicked(true)).size();
    }

    private static String worst(String a, String b) {
        List<String> order = List.of("healthy", "degraded", "unhealthy");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    /**
     * The health and the figures behind it.
     */
    record Report(String status, HealthFigures.Counts counts, String database, String jobs, boolean initialized,
            int activeJobs, List<String> reasons) {
    }
}
