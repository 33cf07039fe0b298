package com.firesync.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Each job's schedule, from the settings, as db-scheduler runs it and as the job status describes it.
 */
@Component
class JobSchedules {

    private final ScheduleSettings settings;

    JobSchedules(ScheduleSettings settings) {
        this.settings = settings;
    }

    Schedule schedule(Job job) {
        return switch (job) {
            case PERIODIC_SYNC -> Schedules.fixedDelay(settings.periodicSync());
            case HEALTH_CHECK -> Schedules.fixedDelay(settings.healthCheck());
            case TOKEN_REFRESH -> Schedules.fixedDelay(settings.tokenRefresh());
            case DAILY_CLEANUP -> Schedules.cron(settings.dailyCleanup(), settings.zone());
        };
    }

    /**
     * The schedule in words: {@code every PT2H}, {@code cron 0 0 2 * * * Europe/Paris}.
     */
    String describe(Job job) {
        return switch (job) {
            case PERIODIC_SYNC -> "every " + settings.periodicSync();
            case HEALTH_CHECK -> "every " + settings.healthCheck();
            case TOKEN_REFRESH -> "every " + settings.tokenRefresh();
            case DAILY_CLEANUP -> "cron " + settings.dailyCleanup() + " " + settings.zone();
        };
    }

    /**
     * The recurring tasks, one per job, each running its job through {@code runner}.
     */
    List<RecurringTask<Void>> recurringTasks(JobRunner runner) {
        return Arrays.stream(Job.values())
                .map(job -> Tasks.recurring(job.id(), schedule(job))
                        .onFailureReschedule()
                        .execute((instance, context) -> runner.run(job)))
                .toList();
    }

    /**
     * Puts each job's next regular run in the table when it is missing (start-up does this too).
     */
    void scheduleMissing(SchedulerClient scheduler, Instant now) {
        for (Job job : Job.values()) {
            Instant next = schedule(job).getNextExecutionTime(ExecutionComplete.simulatedSuccess(now));
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(job.id(), RecurringTask.INSTANCE), next);
        }
    }
}
