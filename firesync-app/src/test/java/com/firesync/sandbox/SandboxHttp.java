package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Powens client for tests: real HTTP against a running sandbox.
 */
final class SandboxHttp {

    static final String CLIENT_ID = "firesync-sandbox";

    static final String CLIENT_SECRET = "firesync-sandbox-secret";

    static final String REDIRECT = "http://localhost:9/callback";

    final String base;

    final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SandboxHttp(String base) {
        this.base = base;
    }

    static SandboxHttp of(ConfigurableApplicationContext context) {
        return new SandboxHttp("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    HttpResponse<String> send(String method, String path, String token, String body, String contentType)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body.isEmpty() && method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, "", "");
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode getJson(String path, String token) throws IOException, InterruptedException {
        return ok(get(path, token));
    }

    /** A new user's permanent token. */
    String init() throws IOException, InterruptedException {
        var body = "{\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\"" + CLIENT_SECRET + "\"}";
        return ok(send("POST", "/sandbox/2.0/auth/init", "", body, "application/json")).get("auth_token")
                .asString();
    }

    String code(String token) throws IOException, InterruptedException {
        return getJson("/sandbox/2.0/auth/token/code?type=singleAccess", token).get("code").asString();
    }

    static String webviewQuery(String code, String state) {
        return webviewQuery(code, state, REDIRECT);
    }

    static String webviewQuery(String code, String state, String redirect) {
        return "?domain=sandbox&client_id=" + CLIENT_ID + "&redirect_uri=" + encode(redirect) + "&code="
                + encode(code) + "&state=" + encode(state);
    }

    HttpResponse<String> submit(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet()
                .stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, "", body, "application/x-www-form-urlencoded");
    }

    /** Completes the webview for a new connection and returns its id from the redirect. */
    long connect(String token, String bank, String login) throws IOException, InterruptedException {
        return connect(token, bank, login, REDIRECT);
    }

    long connect(String token, String bank, String login, String redirect) throws IOException, InterruptedException {
        var response = submit("/sandbox/webview/en/connect" + webviewQuery(code(token), "s1", redirect),
                Map.of("bank", bank, "login", login, "password", "secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(query(location).get("connection_id"));
    }

    /** Every transaction of a list, following {@code _links.next} verbatim. */
    List<JsonNode> allPages(String firstPath, String token) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        String path = firstPath;
        while (path != null) {
            JsonNode page = getJson(path, token);
            page.get("transactions").forEach(rows::add);
            JsonNode next = page.get("_links").get("next");
            path = next == null || next.isNull() ? null : next.get("href").asString();
        }
        return rows;
    }

    static Map<String, String> query(String location) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
