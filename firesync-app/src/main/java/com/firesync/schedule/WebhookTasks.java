package com.firesync.schedule;

import com.firesync.events.WebhookDeliveries;
import com.firesync.events.WebhookEndpoints;
import com.firesync.events.WebhookSettings;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Outbound webhooks on the scheduler: every {@code sweep}, each instance queues a {@code deliverWebhooks} execution
 * for each endpoint with events to deliver and no retry pending. The execution is keyed by the endpoint, so queuing
 * it from several instances queues it once, and it runs on one instance at a time: an endpoint's events go out in
 * order. A failed delivery waits for its retry time, which the sweep honours.
 */
@Component
class WebhookTasks implements SmartLifecycle {

    static final String DELIVER = "deliverWebhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookTasks.class);

    private final WebhookEndpoints endpoints;

    private final WebhookDeliveries deliveries;

    private final WebhookSettings settings;

    private final ObjectProvider<Scheduler> scheduler;

    private final Clock clock;

    private @Nullable ScheduledExecutorService sweeper;

    WebhookTasks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSettings settings,
            ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    Task<Void> deliver() {
        return Tasks.oneTime(DELIVER)
                .execute((instance, context) -> deliveries.deliver(Long.parseLong(instance.getId())));
    }

    void sweep() {
        try {
            Instant now = clock.instant();
            for (long id : endpoints.due(now)) {
                scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(DELIVER, Long.toString(id)), now);
            }
        } catch (RuntimeException e) {
            log.warn("Could not queue webhook deliveries: {}", e.toString());
        }
    }

    @Override
    public void start() {
        var executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(
                "webhook-sweep").factory());
        long every = settings.sweep().toMillis();
        executor.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        sweeper = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = sweeper;
        if (executor != null) {
            executor.shutdownNow();
        }
        sweeper = null;
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }
}
