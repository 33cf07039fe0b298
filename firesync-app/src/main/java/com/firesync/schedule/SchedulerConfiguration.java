package com.firesync.schedule;

import com.firesync.runtime.DatabaseKind;
import com.firesync.runtime.FireSyncSettings;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the db-scheduler {@link Scheduler} on the application's database and clock. Known tasks: the four jobs'
 * recurring tasks (only when {@code ENABLE_SCHEDULED_SYNC} is on), {@code runJob} (a manual trigger, one per job at a
 * time), {@code syncConnection} (one connection's sync, the unit periodic sync and the health check fan out to),
 * and the deletions' {@code deleteConnection} and {@code eraseUser} ({@link EndOfLifeTasks}), and the webhooks'
 * {@code deliverWebhooks} ({@link WebhookTasks}). The scheduler is started and stopped by {@link SchedulerLifecycle}.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /** Tries of a connection's sync that keeps finding the connection held by another sync. */
    private static final int BUSY_RETRIES = 20;

    // stopped on destruction: waits for the running executions, before the data source closes
    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, JobRunner runner, JobSchedules schedules, ConnectionSyncTask sync,
            EndOfLifeTasks endOfLife, ScheduleSettings settings, FireSyncSettings application, Clock clock,
            Environment environment, WebhookTasks webhooks) {
        List<RecurringTask<Void>> recurring = application.scheduledSync()
                ? schedules.recurringTasks(runner)
                : List.of();
        // start tasks are known tasks too
        List<Task<?>> known = new ArrayList<>();
        known.add(Tasks.oneTime(TaskQueue.RUN_JOB)
                .execute((instance, context) -> runner.run(Job.byId(instance.getId()).orElseThrow())));
        known.add(Tasks.oneTime(TaskQueue.SYNC_CONNECTION, ConnectionSyncRequest.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(BUSY_RETRIES,
                        new FailureHandler.OnFailureRetryLater<>(settings.busyRetry())))
                .execute((instance, context) -> sync.execute(instance.getData())));
        known.addAll(endOfLife.tasks());
        known.add(webhooks.deliver());
        String name = "firesync-" + ProcessHandle.current().pid() + "@" + host();
        SchedulerBuilder builder = Scheduler.create(dataSource, known);
        if (DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL) {
            // one statement picks a batch with SELECT ... FOR UPDATE SKIP LOCKED: instances never contend for a row
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder
                .startTasks(recurring)
                .schedulerName(() -> name)
                .clock(clock::instant)
                .serializer(new JsonTaskData())
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .enableImmediateExecution()
                .shutdownMaxWait(settings.shutdownMaxWait())
                .failureLogging(LogLevel.INFO, false)
                .build();
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
