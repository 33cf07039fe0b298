package com.firesync.events.web;

import com.firesync.events.Event;
import com.firesync.events.EventSink;
import com.firesync.events.EventStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's events over a WebSocket, one JSON event per text frame. The client may name the last event it got in
 * the URL ({@code ?lastEventId=}) or in a first frame {@code {"resume": "<id>"}}; without either, the stream opens
 * {@link #RESUME_WINDOW} after the upgrade with new events only. Pings keep an idle socket open.
 */
@Component
class EventSocket extends TextWebSocketHandler {

    /** How long a client has to send its resume frame before the stream opens without one. */
    static final Duration RESUME_WINDOW = Duration.ofMillis(300);

    private static final String STREAM = "firesync.open-stream";

    private static final int OVERFLOW = 4008;

    private final EventStreams streams;

    private final JsonMapper json;

    EventSocket(EventStreams streams, JsonMapper json) {
        this.streams = streams;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        StreamHandshake.SocketRequest request = request(session);
        if (request.after() != null) {
            open(session, request.after());
        } else {
            CompletableFuture.delayedExecutor(RESUME_WINDOW.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> open(session, null));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        if (session.getAttributes().containsKey(STREAM)) {
            return; // the stream is open: later frames say nothing
        }
        Optional<Long> resume = resume(message.getPayload());
        if (resume.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("expected {\"resume\": \"<event id>\"}"));
            return;
        }
        open(session, resume.get());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        synchronized (session) {
            if (session.getAttributes().get(STREAM) instanceof EventStreams.OpenStream stream) {
                stream.cancel();
            } else {
                session.getAttributes().put(STREAM, "closed");
                request(session).slot().release();
            }
        }
    }

    /** Opens the stream once, from the resume frame or the end of the window, whichever comes first. */
    private void open(WebSocketSession session, @Nullable Long after) {
        synchronized (session) {
            if (session.getAttributes().containsKey(STREAM) || !session.isOpen()) {
                return;
            }
            StreamHandshake.SocketRequest request = request(session);
            session.getAttributes().put(STREAM, streams.open(request.slot(), "websocket", request.userId(), after,
                    new SocketSink(session)));
        }
    }

    private Optional<Long> resume(String payload) {
        try {
            JsonNode frame = json.readTree(payload);
            JsonNode resume = frame.get("resume");
            return resume != null && resume.isString() ? EventStreams.position(resume.asString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static StreamHandshake.SocketRequest request(WebSocketSession session) {
        return (StreamHandshake.SocketRequest) java.util.Objects
                .requireNonNull(session.getAttributes().get(StreamHandshake.REQUEST));
    }

    /** Writes a stream's events as text frames. */
    private final class SocketSink implements EventSink {

        private final WebSocketSession session;

        SocketSink(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public void send(Event event) throws IOException {
            session.sendMessage(new TextMessage(json.writeValueAsString(event)));
        }

        @Override
        public void heartbeat() throws IOException {
            session.sendMessage(new PingMessage());
        }

        @Override
        public void close(String reason, @Nullable String lastEventId) throws IOException {
            Map<String, @Nullable Object> closing = new LinkedHashMap<>();
            closing.put("reason", reason);
            closing.put("lastEventId", lastEventId);
            int code = reason.equals("overflow") ? OVERFLOW : CloseStatus.GOING_AWAY.getCode();
            session.close(new CloseStatus(code, json.writeValueAsString(closing)));
        }
    }
}
