package com.firesync.events.web;

import com.firesync.events.EventStreams;
import com.firesync.events.StreamTickets;
import com.firesync.shared.ApiException;
import com.firesync.shared.Caller;
import com.firesync.shared.Problems;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admits a WebSocket upgrade at {@code /api/ws}: the caller by bearer header or by a single-use ticket
 * ({@code ?ticket=}), the scope, the resume point and a stream slot of the token; anything else is refused before
 * the upgrade with a problem, as on every other route.
 */
@Component
class StreamHandshake implements HandshakeInterceptor {

    static final String REQUEST = "firesync.stream";

    private final StreamTickets tickets;

    private final EventStreams streams;

    private final JsonMapper json;

    StreamHandshake(StreamTickets tickets, EventStreams streams, JsonMapper json) {
        this.tickets = tickets;
        this.streams = streams;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        try {
            SocketRequest admitted = admit(request);
            attributes.put(REQUEST, admitted);
            if (request instanceof ServletServerHttpRequest servlet) {
                servlet.getServletRequest().setAttribute(REQUEST, admitted);
            }
            return true;
        } catch (ApiException e) {
            response.setStatusCode(e.status());
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(Problems.of(e.status(), e.code(),
                    String.valueOf(e.getMessage()))));
            return false;
        }
    }

    private SocketRequest admit(ServerHttpRequest request) {
        if (!"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "websocket_expected",
                    "This route opens a WebSocket: send an upgrade request (or use GET /api/events for SSE).");
        }
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        Holder holder = holder(request, query.getFirst("ticket"));
        Long userId = StreamRequests.scope(decoded(query.getFirst("scope")), holder.userId(), holder.admin());
        Long after = StreamRequests.after("lastEventId", decoded(query.getFirst("lastEventId")));
        return new SocketRequest(userId, after, streams.reserve(holder.tokenKey()));
    }

    private Holder holder(ServerHttpRequest request, @Nullable String ticket) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String tokenKey = StreamRequests.tokenKey(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller && tokenKey != null) {
            return new Holder(caller.userId(), caller.isAdmin(), tokenKey);
        }
        if (ticket == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Send 'Authorization: Bearer <token>' or a ticket from POST /api/events/tickets as ?ticket=.");
        }
        return tickets.redeem(java.net.URLDecoder.decode(ticket, java.nio.charset.StandardCharsets.UTF_8))
                .map(found -> new Holder(found.userId(), found.admin(), found.tokenKey()))
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid_ticket",
                        "This ticket is unknown, expired or used already: ask for a new one."));
    }

    private static @Nullable String decoded(@Nullable String raw) {
        return raw == null ? null : java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            @Nullable Exception exception) {
        // upgraded: the socket holds the slot and frees it when it closes; not upgraded: free it now
        if (request instanceof ServletServerHttpRequest servlet && response instanceof ServletServerHttpResponse out
                && servlet.getServletRequest().getAttribute(REQUEST) instanceof SocketRequest admitted
                && (exception != null || out.getServletResponse().getStatus() != 101)) {
            admitted.slot().release();
        }
    }

    private record Holder(long userId, boolean admin, String tokenKey) {
    }

    /**
     * An admitted WebSocket stream, waiting to open.
     *
     * @param userId whose events, {@code null} for every user's
     * @param after the event to resume after, {@code null} when the client may still send one
     * @param slot the token's stream slot
     */
    record SocketRequest(@Nullable Long userId, @Nullable Long after, EventStreams.Slot slot) {
    }
}
