package com.firesync.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event log's and the live streams' settings ({@code firesync.events.*}; environment variables by relaxed
 * binding, e.g. {@code FIRESYNC_EVENTS_RETENTION=P30D}, {@code FIRESYNC_EVENTS_MAXSTREAMSPERTOKEN=10}).
 *
 * @param retention events older than this are pruned by the daily cleanup; a client resuming from an older event
 *        misses what was pruned
 * @param maxStreamsPerToken open streams (SSE and WebSocket together) one API token may hold on one instance
 * @param heartbeat an idle stream gets a heartbeat (an SSE comment, a WebSocket ping) this often
 * @param streamBuffer events held for one stream that its client has not taken yet; past it the stream is closed
 *        with its resume point, so a slow client never slows anything else
 * @param poll how often the log is read when no notification came (a missed one costs at most this)
 * @param gapGrace on H2, how long an id missing from the log (its transaction not committed yet) holds back the
 *        events after it before it is taken as rolled back; on PostgreSQL the wait ends when every transaction that
 *        could still write it has ended (at most 15 times this)
 * @param ticketTtl how long a WebSocket ticket stays usable
 */
@ConfigurationProperties("firesync.events")
@Validated
public record EventSettings(@DefaultValue("P7D") @NotNull Duration retention,
        @DefaultValue("5") @Min(1) @Max(1000) int maxStreamsPerToken, @DefaultValue("15s") @NotNull Duration heartbeat,
        @DefaultValue("1000") @Min(10) int streamBuffer, @DefaultValue("1s") @NotNull Duration poll,
        @DefaultValue("2s") @NotNull Duration gapGrace, @DefaultValue("60s") @NotNull Duration ticketTtl) {
}
