package com.firesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.user.UserAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security headers on every kind of answer, CORS closed by default, and no server banner, over HTTP.
 */
@FireSyncTest
class HttpHygieneTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    Http http;

    String token;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        token = accounts.create("alice", Role.USER).token();
    }

    @Test
    void sendsSecurityHeadersOnApiAnswersAndRefusals() {
        for (Answer answer : new Answer[]{http.get("/api/accounts", token), http.get("/api/accounts", null),
                http.get("/api/nothing-here", token)}) {
            assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.header("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.header("Referrer-Policy")).hasValue("no-referrer");
            assertThat(answer.header("Content-Security-Policy")).hasValue(ContentSecurityPolicy.API);
            assertThat(answer.header("Server")).isEmpty();
        }
    }

    @Test
    void servesTheDashboardWithoutATokenUnderAPolicyAllowingOnlyItsOwnFiles() {
        for (String path : new String[]{"/", "/dashboard/app.js", "/dashboard/dashboard.css",
                "/webjars/uplot/dist/uPlot.esm.js"}) {
            Answer answer = http.get(path, null);

            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Content-Security-Policy")).as(path)
                    .hasValue(ContentSecurityPolicy.DASHBOARD)
                    .hasValueSatisfying(csp -> assertThat(csp).doesNotContain("unsafe", "*", "http"));
            assertThat(answer.header("X-Frame-Options")).hasValue("DENY");
        }
        assertThat(http.get("/", null).body()).contains("<script type=\"module\" src=\"/dashboard/app.js\">")
                .doesNotContain("style=", "onclick", "<style");
        assertThat(http.get("/api/accounts", null).status()).isEqualTo(401);
    }

    @Test
    void letsTheWebviewFormPostToItselfAndItsRedirectTarget() {
        String redirect = "http://127.0.0.1:" + port + "/api/auth/powens/callback";
        Answer page = http.get("/sandbox/webview/en/connect?client_id=x&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8), null);

        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'none'",
                        "form-action 'self' http://127.0.0.1:" + port)
                .doesNotContain("script-src"));
        assertThat(page.header("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void refusesCrossOriginCallsByDefaultWithAProblem() {
        Answer preflight = http.send(http.request("/api/accounts", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        Answer simple = http.send(http.request("/api/accounts", token).header("Origin", "https://evil.example"));

        for (Answer answer : new Answer[]{preflight, simple}) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asString()).isEqualTo("cors_refused");
            assertThat(answer.header("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(http.get("/api/accounts", token).status()).isEqualTo(200);
    }

    @Test
    void namesNoServerSoftwareOnRequestsTomcatRefusesItself() throws IOException {
        for (String target : new String[]{"/api/a{b}|<x>", "/api/tokens/%00", "/api/%2e%2e/%2f"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400")
                    .contains("application/problem+json", "\"code\":\"bad_request\"")
                    .doesNotContainIgnoringCase("tomcat")
                    .doesNotContain("Server:");
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
