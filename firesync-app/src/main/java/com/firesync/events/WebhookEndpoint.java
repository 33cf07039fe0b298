package com.firesync.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A registered webhook endpoint.
 *
 * @param id its id
 * @param userId its owner
 * @param url where deliveries go
 * @param types the event types it receives
 * @param createdAt when it was registered
 * @param deliveredThrough the id of the last event of the log it is past
 * @param failingSince since when its deliveries fail, {@code null} when they do not
 * @param failures consecutive failed attempts
 * @param retryAt when the next attempt is due after a failure
 * @param disabledAt when it was disabled, {@code null} while active
 * @param disabledReason why it was disabled
 */
public record WebhookEndpoint(long id, long userId, String url, List<String> types, Instant createdAt,
        long deliveredThrough, @Nullable Instant failingSince, int failures, @Nullable Instant retryAt,
        @Nullable Instant disabledAt, @Nullable String disabledReason) {

    public boolean wants(String type) {
        return types.contains(type);
    }

    /** {@code active}, {@code failing} or {@code disabled}. */
    public String status() {
        return disabledAt != null ? "disabled" : failingSince != null ? "failing" : "active";
    }
}
