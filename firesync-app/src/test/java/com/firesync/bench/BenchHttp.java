package com.firesync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls of the benchmarks' set-up and control, on one shared client. Every answer is checked.
 */
final class BenchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private BenchHttp() {
    }

    static JsonNode get(String url, @Nullable String token) {
        return json(send(request(url, token).GET().build()), 200);
    }

    static JsonNode postJson(String url, @Nullable String token, String body, int expected) {
        return json(send(request(url, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build()), expected);
    }

    /** Links a Demo Bank connection for the token's user through FireSync's connect flow and the webview. */
    static void linkDemoBank(String fireSync, String token, String login) {
        String webview = get(fireSync + "/api/auth/powens/url", token).get("data").get("url").asString();
        String form = "bank=demo&login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password=bench";
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(webview))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form))
                .build());
        String callback = posted.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("The webview answered " + posted.statusCode()));
        json(send(HttpRequest.newBuilder(URI.create(callback)).header("Accept", "application/json").GET().build()),
                200);
    }

    private static HttpRequest.Builder request(String url, @Nullable String token) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static JsonNode json(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
