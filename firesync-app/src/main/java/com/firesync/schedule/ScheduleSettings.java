package com.firesync.schedule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled jobs' timing ({@code firesync.schedule.*}; environment variables by relaxed binding, e.g.
 * {@code FIRESYNC_SCHEDULE_PERIODICSYNC=1h}). {@code ENABLE_SCHEDULED_SYNC=false} keeps every schedule off; manual
 * triggers still work.
 *
 * @param periodicSync delay between two periodic syncs of every connection
 * @param healthCheck delay between two health checks
 * @param tokenRefresh delay between two token refreshes
 * @param dailyCleanup cron expression (seconds first) of the daily cleanup, in {@code zone}
 * @param zone time zone of the daily cleanup
 * @param tokenExpiryMargin a credential expiring within this margin is refreshed
 * @param tokenMaxAge a Powens token older than this is rotated ({@code /auth/renew}, then the old one is revoked)
 * @param runRetention sync runs and processed webhooks older than this are deleted
 * @param pollingInterval how often each instance looks for due executions
 * @param heartbeatInterval how often a running execution proves its instance alive; after several missed heartbeats
 *        another instance takes the execution over
 * @param threads executions running at once on one instance
 * @param shutdownMaxWait how long a stopping instance waits for its running executions
 * @param busyRetry when a connection's sync finds it held by another sync, it is tried again after this delay
 */
@ConfigurationProperties("firesync.schedule")
@Validated
public record ScheduleSettings(@DefaultValue("2h") @NotNull Duration periodicSync,
        @DefaultValue("15m") @NotNull Duration healthCheck, @DefaultValue("1h") @NotNull Duration tokenRefresh,
        @DefaultValue("0 0 2 * * *") @NotBlank String dailyCleanup, @DefaultValue("Europe/Paris") @NotNull ZoneId zone,
        @DefaultValue("10m") @NotNull Duration tokenExpiryMargin, @DefaultValue("P30D") @NotNull Period tokenMaxAge,
        @DefaultValue("P90D") @NotNull Period runRetention, @DefaultValue("10s") @NotNull Duration pollingInterval,
        @DefaultValue("30s") @NotNull Duration heartbeatInterval, @DefaultValue("8") int threads,
        @DefaultValue("25s") @NotNull Duration shutdownMaxWait, @DefaultValue("1m") @NotNull Duration busyRetry) {
}
