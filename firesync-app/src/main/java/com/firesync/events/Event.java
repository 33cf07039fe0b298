package com.firesync.events;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of the log, as clients receive it.
 *
 * @param id opaque and increasing: later events of the log have greater ids
 * @param type what happened ({@code sync.completed}, {@code transactions.changed}, ...)
 * @param occurredAt when
 * @param userId whose data it concerns
 * @param data the event's details, by type
 */
public record Event(String id, String type, Instant occurredAt, long userId, Map<String, @Nullable Object> data) {

    /** The log's position of this event. */
    public long position() {
        return Long.parseLong(id);
    }
}
