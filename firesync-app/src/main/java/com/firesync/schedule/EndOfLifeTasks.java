package com.firesync.schedule;

import com.firesync.privacy.ConnectionDeletion;
import com.firesync.privacy.UserErasure;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The two deletion tasks, {@code deleteConnection} and {@code eraseUser}, keyed by the id they delete. A failure (the
 * provider down or refusing, a sync still holding the connection) is tried again after {@link #FIRST_RETRY}, doubled
 * after each failure up to {@link #LAST_RETRY}, until the deletion is done: the provider bills a connection until it
 * is deleted there.
 */
@Component
class EndOfLifeTasks {

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    static final Duration LAST_RETRY = Duration.ofHours(6);

    private final ConnectionDeletion connections;

    private final UserErasure users;

    EndOfLifeTasks(ConnectionDeletion connections, UserErasure users) {
        this.connections = connections;
        this.users = users;
    }

    List<Task<?>> tasks() {
        return List.of(
                Tasks.oneTime(EndOfLifeQueue.DELETE_CONNECTION)
                        .onFailure(new Backoff())
                        .execute((instance, context) -> connections.complete(Long.parseLong(instance.getId()))),
                Tasks.oneTime(EndOfLifeQueue.ERASE_USER)
                        .onFailure(new Backoff())
                        .execute((instance, context) -> users.complete(Long.parseLong(instance.getId()))));
    }

    /**
     * When the next attempt after {@code failures} consecutive failures runs, counted from the last one.
     */
    static Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 16);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    /**
     * Retries forever with a capped exponential backoff (db-scheduler's own keeps growing without a cap).
     */
    private static final class Backoff implements FailureHandler<Void> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            operations.reschedule(complete, complete.getTimeDone().plus(delay(failures)));
        }
    }
}
