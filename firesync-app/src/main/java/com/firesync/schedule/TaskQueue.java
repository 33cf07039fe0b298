package com.firesync.schedule;

import com.firesync.sync.SyncTrigger;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts executions in the scheduler's table, where any instance may pick them. A connection's sync task is keyed by
 * the connection id, so two instances queuing the same connection queue it once.
 */
@Component
class TaskQueue {

    static final String SYNC_CONNECTION = "syncConnection";

    static final String RUN_JOB = "runJob";

    // the scheduler is built from the tasks that use this queue: resolved on use
    private final ObjectProvider<Scheduler> scheduler;

    private final Clock clock;

    TaskQueue(ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Queues a sync of each connection, in the order given (the scheduler picks earlier execution times first).
     *
     * @return how many were newly queued (a connection already queued is left as it is)
     */
    int syncConnections(List<Long> connectionIds, SyncTrigger trigger) {
        Instant now = clock.instant();
        int queued = 0;
        for (int i = 0; i < connectionIds.size(); i++) {
            long id = connectionIds.get(i);
            var instance = new TaskInstance<>(SYNC_CONNECTION, Long.toString(id),
                    new ConnectionSyncRequest(id, trigger.code()));
            if (scheduler.getObject().scheduleIfNotExists(instance, now.plusNanos(i * 1000L))) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Queues one run of the job now.
     *
     * @return whether it was queued (false when a manual run of it is already waiting or running)
     */
    boolean runJob(Job job) {
        return scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(RUN_JOB, job.id()), clock.instant());
    }
}
