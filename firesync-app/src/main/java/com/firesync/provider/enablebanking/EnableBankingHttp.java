package com.firesync.provider.enablebanking;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with Enable Banking on the JDK client, as the Powens client does it: each request admitted by the
 * provider's gate (rate limit, concurrency bound), signed with the application JWT, bounded in time as a whole, never
 * redirected, its body read completely before it is parsed, every failure classified, every request timed by
 * endpoint template and status.
 */
final class EnableBankingHttp implements AutoCloseable {

    private final HttpClient client;

    private final Duration readTimeout;

    private final Clock clock;

    private final ProviderCallGate gate;

    private final ApplicationJwts jwts;

    private final MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    EnableBankingHttp(EnableBankingSettings settings, Clock clock, ProviderCallGate gate, ApplicationJwts jwts,
            MeterRegistry meters) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = settings.readTimeout();
        this.clock = clock;
        this.gate = gate;
        this.jwts = jwts;
        this.meters = meters;
    }

    /** GETs {@code uri} and parses its JSON answer. */
    <T> T get(String endpoint, URI uri, Map<String, String> headers, Class<T> type) {
        return read(endpoint, exchange(endpoint, request(uri, headers).GET().build()), type);
    }

    /** POSTs {@code body} as JSON to {@code uri} and parses its JSON answer. */
    <T> T post(String endpoint, URI uri, Object body, Class<T> type) {
        HttpRequest request = request(uri, Map.of()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        return read(endpoint, exchange(endpoint, request), type);
    }

    /** DELETEs {@code uri}: a 2xx or a 404 (nothing left) both mean it is gone. */
    void delete(String endpoint, URI uri, Map<String, String> headers) {
        HttpRequest request = request(uri, headers).DELETE().build();
        HttpResponse<byte[]> response = send(endpoint, request);
        int status = response.statusCode();
        if (status != 404 && (status < 200 || status >= 300)) {
            throw failure(endpoint, response);
        }
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "FireSync")
                .header("Authorization", "Bearer " + jwts.token());
        headers.forEach(request::header);
        return request;
    }

    private byte[] exchange(String endpoint, HttpRequest request) {
        HttpResponse<byte[]> response = send(endpoint, request);
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response.body();
        }
        throw failure(endpoint, response);
    }

    private <T> T read(String endpoint, byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw malformed(endpoint, null);
            }
            return value;
        } catch (JacksonException e) {
            throw malformed(endpoint, e);
        }
    }

    static ProviderException malformed(String endpoint, @Nullable Throwable cause) {
        return new ProviderException("Enable Banking " + endpoint,
                new ProviderFailure.Transient("malformed_response", null), cause);
    }

    private HttpResponse<byte[]> send(String endpoint, HttpRequest request) {
        String operation = "Enable Banking " + endpoint;
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = gate.call(operation, () -> sendOnce(operation, request));
        } catch (ProviderException e) {
            timed(endpoint, e.failure().code(), started);
            throw e;
        }
        timed(endpoint, Integer.toString(response.statusCode()), started);
        return response;
    }

    private HttpResponse<byte[]> sendOnce(String operation, HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout stops at the headers; this bound covers a body that trickles or stalls
            return future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(operation, new ProviderFailure.Transient("timeout", null), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String code = cause instanceof HttpTimeoutException ? "timeout" : "io";
            throw new ProviderException(operation, new ProviderFailure.Transient(code, null),
                    cause instanceof IOException ? cause : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ProviderException(operation, new ProviderFailure.Transient("interrupted", null), e);
        }
    }

    private ProviderException failure(String endpoint, HttpResponse<byte[]> response) {
        Duration retryAfter = EnableBankingFailures
                .retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock);
        EnableBankingJson.@Nullable Error error = error(response.body());
        String code = error == null ? null : error.error();
        var failure = EnableBankingFailures.classify(response.statusCode(), code, retryAfter);
        if (error != null && PeriodRefused.CODE.equals(code)) {
            return new PeriodRefused("Enable Banking " + endpoint, failure, error.detail());
        }
        return new ProviderException("Enable Banking " + endpoint, failure);
    }

    private EnableBankingJson.@Nullable Error error(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, EnableBankingJson.Error.class);
        } catch (JacksonException e) {
            // an HTML error page from a proxy: the status alone classifies it
            return null;
        }
    }

    private void timed(String endpoint, String status, long startedNanos) {
        // the endpoint is a template ("GET /accounts/{uid}/transactions"): no id, session or query value
        Timer.builder(MetricNames.PROVIDER_CALLS)
                .tags("provider", EnableBankingClient.NAME, "endpoint", endpoint, "status", status)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    @Override
    public void close() {
        client.close();
    }
}
