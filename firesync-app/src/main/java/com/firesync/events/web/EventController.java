package com.firesync.events.web;

import com.firesync.events.Event;
import com.firesync.events.EventSink;
import com.firesync.events.EventStreams;
import com.firesync.events.StreamTickets;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's events as Server-Sent Events ({@code id:} the event id, {@code event:} its type, a JSON body),
 * resuming after {@code Last-Event-ID} (or {@code ?lastEventId=}) from the durable log; and the tickets that open
 * the WebSocket stream from a browser.
 */
@RestController
class EventController {

    private final EventStreams streams;

    private final StreamTickets tickets;

    private final JsonMapper json;

    EventController(EventStreams streams, StreamTickets tickets, JsonMapper json) {
        this.streams = streams;
        this.tickets = tickets;
        this.json = json;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @RequestParam(required = false) @Nullable String lastEventId,
            @RequestParam(required = false) @Nullable String scope,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, HttpServletResponse response)
            throws IOException {
        Long userId = StreamRequests.scope(scope, caller.userId(), caller.isAdmin());
        Long after = lastEventIdHeader != null
                ? StreamRequests.after("Last-Event-ID", lastEventIdHeader)
                : StreamRequests.after("lastEventId", lastEventId);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        var emitter = new SseEmitter(0L);
        emitter.send(SseEmitter.event().reconnectTime(1000).comment("open"));
        var slot = streams.reserve(Objects.requireNonNull(StreamRequests.tokenKey(authorization)));
        var stream = streams.open(slot, "sse", userId, after, new SseSink(emitter));
        emitter.onCompletion(stream::cancel);
        emitter.onError(error -> stream.cancel());
        emitter.onTimeout(stream::cancel);
        return emitter;
    }

    @PostMapping("/api/events/tickets")
    ApiResponse<Ticket> ticket(@AuthenticationPrincipal Caller caller,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        var issued = tickets.issue(caller.userId(), caller.isAdmin(),
                Objects.requireNonNull(StreamRequests.tokenKey(authorization)));
        return ApiResponse.ok(new Ticket(issued.ticket(), issued.expiresAt().toString(),
                "/api/ws?ticket=" + issued.ticket()));
    }

    /**
     * A WebSocket ticket.
     *
     * @param ticket single use
     * @param expiresAt when it stops being usable
     * @param url where to open the WebSocket with it
     */
    record Ticket(String ticket, String expiresAt, String url) {
    }

    /** Writes a stream's events as SSE. */
    private final class SseSink implements EventSink {

        private final SseEmitter emitter;

        SseSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void send(Event event) throws IOException {
            emitter.send(SseEmitter.event().id(event.id()).name(event.type()).data(json.writeValueAsString(event),
                    MediaType.TEXT_PLAIN));
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }

        @Override
        public void close(String reason, @Nullable String lastEventId) throws IOException {
            Map<String, @Nullable Object> closing = new LinkedHashMap<>();
            closing.put("reason", reason);
            closing.put("lastEventId", lastEventId);
            emitter.send(SseEmitter.event().name("stream.closed").data(json.writeValueAsString(closing),
                    MediaType.TEXT_PLAIN));
            emitter.complete();
        }
    }
}
