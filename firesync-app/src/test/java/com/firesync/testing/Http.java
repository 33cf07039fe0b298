package com.firesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: real requests to a running FireSync, answers parsed as JSON when they are JSON.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    /**
     * A client for one absolute URL: request paths are appended to it (use {@code ""}).
     */
    public static Http absolute(String url) {
        return new Http(url);
    }

    public static Http local(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    public Answer get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    public Answer post(String path, @Nullable String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    public Answer postJson(String path, @Nullable String token, String json) {
        return post(path, token, "application/json", json);
    }

    public Answer send(String method, String path, @Nullable String token) {
        return send(request(path, token).method(method, BodyPublishers.noBody()));
    }

    public HttpRequest.Builder request(String path, @Nullable String token) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HTTP answer.
     */
    public record Answer(int status, String contentType, HttpResponse<String> response, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }
}
