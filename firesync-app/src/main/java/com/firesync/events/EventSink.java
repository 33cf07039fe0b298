package com.firesync.events;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Where one stream's events go: the SSE response or the WebSocket session. Called from the stream's own thread only,
 * one call at a time; a call may block on a slow client, which delays that stream alone.
 */
public interface EventSink {

    void send(Event event) throws IOException;

    /** Keeps an idle connection open (an SSE comment, a WebSocket ping). */
    void heartbeat() throws IOException;

    /**
     * Ends the stream, telling the client why and where to resume.
     *
     * @param reason {@code shutdown} (the instance stops), {@code overflow} (the client fell too far behind)
     * @param lastEventId the last event id the stream stands at, to resume from; {@code null} when none
     */
    void close(String reason, @Nullable String lastEventId) throws IOException;
}
