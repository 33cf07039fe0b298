package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebviewTests {

    private final PowensEndpoints endpoints = new PowensEndpoints(URI.create("https://acme.biapi.pro/2.0"),
            URI.create("https://webview.powens.com/"), "acme.biapi.pro", "123", "secret");

    private final URI callback = URI.create("https://firesync.example/api/auth/powens/callback");

    @Test
    void buildsTheConnectFlowWithALanguageSegment() {
        assertThat(Webview.connect(endpoints, "c0de/+=", "st 1", callback)).hasToString(
                "https://webview.powens.com/en/connect?domain=acme.biapi.pro&client_id=123"
                        + "&redirect_uri=https%3A%2F%2Ffiresync.example%2Fapi%2Fauth%2Fpowens%2Fcallback"
                        + "&code=c0de%2F%2B%3D&state=st%201");
    }

    @Test
    void buildsTheReconnectFlowForOneConnection() {
        assertThat(Webview.reconnect(endpoints, "code", "st", callback, "42").toString())
                .startsWith("https://webview.powens.com/en/reconnect?domain=acme.biapi.pro&client_id=123")
                .endsWith("&code=code&state=st&connection_id=42");
    }

    @Test
    void refusesARedirectUriCarryingAQuery() {
        assertThatThrownBy(() -> Webview.connect(endpoints, "code", "st", URI.create("https://x.example/cb?a=1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
