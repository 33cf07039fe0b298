package com.firesync.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound webhooks ({@code firesync.webhooks.*}; e.g. {@code FIRESYNC_WEBHOOKS_ALLOWPRIVATE=true}).
 *
 * @param allowPrivate accept endpoint URLs whose host is a loopback, private, link-local or multicast address (a
 *        receiver on the same network); off by default, so that a user cannot make FireSync call inside its network
 * @param timeout how long one delivery may take, connection included; redirects are never followed
 * @param sweep how often each instance looks for endpoints with events to deliver, and queues their delivery
 * @param firstRetry the wait after a first failed delivery, doubled after each further failure
 * @param maxRetryDelay the longest wait between two attempts
 * @param giveUpAfter an endpoint failing this long is disabled
 * @param maxEndpointsPerUser endpoints one user may register
 */
@ConfigurationProperties("firesync.webhooks")
@Validated
public record WebhookSettings(@DefaultValue("false") boolean allowPrivate,
        @DefaultValue("5s") @NotNull Duration timeout, @DefaultValue("2s") @NotNull Duration sweep,
        @DefaultValue("30s") @NotNull Duration firstRetry, @DefaultValue("2h") @NotNull Duration maxRetryDelay,
        @DefaultValue("24h") @NotNull Duration giveUpAfter, @DefaultValue("10") @Min(1) int maxEndpointsPerUser) {

    /** The wait before the next attempt after {@code failures} consecutive failures. */
    public Duration retryDelay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
