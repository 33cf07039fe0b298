package com.firesync.sandbox.webview;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The redirect back to the client, with Powens' callback parameters and the client's {@code state} echoed.
 */
record Callback(String redirectUri, @Nullable String state) {

    URI connected(long connectionId) {
        return build("connection_id=" + connectionId + "&connection_ids=" + connectionId);
    }

    URI reconnected() {
        return build("");
    }

    URI error(String code, String description) {
        return build("error=" + encode(code) + "&error_description=" + encode(description));
    }

    private URI build(String parameters) {
        String query = parameters;
        if (state != null) {
            query = (query.isEmpty() ? "" : query + "&") + "state=" + encode(state);
        }
        String separator = redirectUri.contains("?") ? "&" : "?";
        return URI.create(query.isEmpty() ? redirectUri : redirectUri + separator + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
