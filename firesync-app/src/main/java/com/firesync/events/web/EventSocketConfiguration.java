package com.firesync.events.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The WebSocket stream at {@code /api/ws}. Any origin may open it: it is authenticated by a bearer header or a
 * single-use ticket, never by a cookie, so a page of another site holds nothing it could ride on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EventSocketConfiguration implements WebSocketConfigurer {

    private final EventSocket socket;

    private final StreamHandshake handshake;

    EventSocketConfiguration(EventSocket socket, StreamHandshake handshake) {
        this.socket = socket;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/api/ws").addInterceptors(handshake).setAllowedOriginPatterns("*");
    }
}
