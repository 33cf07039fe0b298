package com.firesync.schedule;

import com.firesync.privacy.DeletionQueue;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues deletions as db-scheduler executions keyed by the id they delete, through a client on the transaction's own
 * connection: the execution commits with the mark that hides the resource, or not at all, so no deletion is ever
 * marked without a job to finish it. Once committed, this instance is woken to pick it at once.
 */
@Component
class EndOfLifeQueue implements DeletionQueue {

    static final String DELETE_CONNECTION = "deleteConnection";

    static final String ERASE_USER = "eraseUser";

    private static final Logger log = LoggerFactory.getLogger(EndOfLifeQueue.class);

    private final SchedulerClient transactional;

    // the scheduler is built from the tasks whose work uses this queue: resolved on use
    private final ObjectProvider<Scheduler> scheduler;

    private final Clock clock;

    EndOfLifeQueue(DataSource dataSource, ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.transactional = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), List.of())
                .serializer(new JsonTaskData())
                .build();
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void deleteConnection(long connectionId) {
        queue(DELETE_CONNECTION, connectionId);
    }

    @Override
    public void eraseUser(long userId) {
        queue(ERASE_USER, userId);
    }

    @Override
    public void forgetConnection(long connectionId) {
        for (String task : List.of(TaskQueue.SYNC_CONNECTION, DELETE_CONNECTION)) {
            TaskInstanceId id = TaskInstanceId.of(task, Long.toString(connectionId));
            Optional<ScheduledExecution<Object>> execution = scheduler.getObject().getScheduledExecution(id);
            if (execution.isPresent() && !execution.get().isPicked()) {
                try {
                    scheduler.getObject().cancel(id);
                } catch (RuntimeException e) {
                    // picked or done meanwhile: it finds nothing left and ends
                    log.debug("Could not cancel {} of connection {}: {}", task, connectionId, e.toString());
                }
            }
        }
    }

    private void queue(String task, long id) {
        transactional.scheduleIfNotExists(new TaskInstance<Void>(task, Long.toString(id)), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.getObject().triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.getObject().triggerCheckForDueExecutions();
        }
    }
}
