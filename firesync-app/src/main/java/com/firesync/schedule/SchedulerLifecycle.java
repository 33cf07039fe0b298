package com.firesync.schedule;

import com.firesync.runtime.FireSyncSettings;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the scheduler once the web server is up (the built-in sandbox answers on its port) and pauses it first on
 * shutdown: the instance stops picking executions. The scheduler bean's destruction then stops it, waiting for the
 * running executions up to {@link ScheduleSettings#shutdownMaxWait()}, before the database pool closes. A sync cut
 * off harder (a kill) leaves its connection claimed until its lease expires and its execution to be revived by
 * another instance once its heartbeats stop; what it committed stays. A paused context (Spring's test context cache)
 * resumes it.
 */
@Component
class SchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

    private final Scheduler scheduler;

    private final JobSchedules schedules;

    private final FireSyncSettings application;

    private volatile boolean running;

    private volatile boolean started;

    SchedulerLifecycle(Scheduler scheduler, JobSchedules schedules, FireSyncSettings application) {
        this.scheduler = scheduler;
        this.schedules = schedules;
        this.application = application;
    }

    @Override
    public void start() {
        running = true;
        if (started) {
            scheduler.resume();
            return;
        }
        scheduler.start();
        started = true;
        if (application.scheduledSync()) {
            log.info("Scheduled sync jobs initialized successfully: {}", Arrays.stream(Job.values())
                    .map(job -> job.id() + " (" + schedules.describe(job) + ")")
                    .collect(Collectors.joining(", ")));
        } else {
            log.info("Scheduled jobs disabled (ENABLE_SCHEDULED_SYNC=false); manual triggers still run");
        }
    }

    @Override
    public void stop() {
        log.info("Scheduler paused: no new executions are picked; running ones get to finish");
        scheduler.pause();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the web server starts, before it stops
        return DEFAULT_PHASE - 512;
    }
}
