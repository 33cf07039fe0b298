package com.firesync.provider.powens;

import java.net.URI;

/**
 * Powens Webview URLs: {@code {webview}/{lang}/{flow}?domain=&client_id=&redirect_uri=&code=&state=}. The language
 * segment is always sent: without it Powens' CDN was seen answering 503.
 */
final class Webview {

    static final String LANG = "en";

    private Webview() {
    }

    static URI connect(PowensEndpoints endpoints, String code, String state, URI redirectUri) {
        return URI.create(endpoints.webviewUrl() + "/" + LANG + "/connect" + common(endpoints, code, state,
                redirectUri));
    }

    static URI reconnect(PowensEndpoints endpoints, String code, String state, URI redirectUri, String connectionId) {
        return URI.create(endpoints.webviewUrl() + "/" + LANG + "/reconnect"
                + common(endpoints, code, state, redirectUri).add("connection_id", connectionId));
    }

    private static QueryString common(PowensEndpoints endpoints, String code, String state, URI redirectUri) {
        // Powens matches redirect_uri against the registered one and appends its own query to it
        if (redirectUri.getRawQuery() != null || redirectUri.getRawFragment() != null) {
            throw new IllegalArgumentException("A Webview redirect URI cannot carry a query or a fragment");
        }
        return new QueryString()
                .add("domain", endpoints.domain())
                .add("client_id", endpoints.clientId())
                .add("redirect_uri", redirectUri)
                .add("code", code)
                .add("state", state);
    }
}
