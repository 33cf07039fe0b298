package com.firesync.events;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event log's settings ({@code firesync.events.*}; environment variables by relaxed binding, e.g.
 * {@code FIRESYNC_EVENTS_RETENTION=P30D}).
 *
 * @param retention events older than this are pruned by the daily cleanup; a client resuming from an older event
 *        misses what was pruned
 */
@ConfigurationProperties("firesync.events")
@Validated
public record EventSettings(@DefaultValue("P7D") @NotNull Duration retention) {
}
