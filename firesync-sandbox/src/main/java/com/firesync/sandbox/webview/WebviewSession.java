package com.firesync.sandbox.webview;

import com.firesync.sandbox.auth.Clients;
import com.firesync.sandbox.auth.Codes;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The parameters of one webview visit (query string and form fields together) and their validation.
 */
record WebviewSession(boolean reconnect, HttpServletRequest request) {

    static WebviewSession of(HttpServletRequest request, String flow) {
        return new WebviewSession(flow.equals("reconnect"), request);
    }

    String field(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    String code() {
        return field("code");
    }

    boolean cancelled() {
        return field("cancel").equals("true") || field("action").equals("cancel");
    }

    Callback callback() {
        return new Callback(field("redirect_uri"), request.getParameter("state"));
    }

    /** The connection to reconnect: it must belong to the user of the code. */
    Optional<SandboxConnection> connection(SandboxWorld world, Codes codes) {
        try {
            long id = Long.parseLong(field("connection_id"));
            return codes.peek(code()).flatMap(user -> world.connection(id).filter(c -> c.userId() == user.id()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why this visit cannot proceed, as Powens would refuse it. */
    Optional<String> problem(Clients clients, Codes codes, SandboxWorld world) {
        if (!clients.knows(field("client_id"))) {
            return Optional.of("Unknown client_id.");
        }
        if (!clients.allowsRedirect(field("redirect_uri"))) {
            return Optional.of("This redirect_uri is not allowed for this client.");
        }
        if (codes.peek(code()).isEmpty()) {
            return Optional.of("The code is missing, invalid or expired.");
        }
        if (reconnect && connection(world, codes).isEmpty()) {
            return Optional.of("Unknown connection_id.");
        }
        return Optional.empty();
    }
}
