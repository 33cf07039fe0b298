package com.firesync.provider.powens;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * One HTTP exchange with Powens on the JDK client: a bounded wait for the whole answer (headers and body), no
 * redirects (a bearer token must not follow one), and every failure classified. The body is read completely before
 * anything is parsed, so an answer cut short fails as a whole and nothing half-read reaches the caller.
 */
final class PowensHttp implements AutoCloseable {

    private static final String USER_AGENT = "FireSync";

    private final HttpClient client;

    private final Duration readTimeout;

    private final Clock clock;

    private final ProviderCallGate gate;

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("powens-transactions")
                    .addDeserializer(PowensJson.Transaction.class, new TransactionReader()))
            .build();

    private final MeterRegistry meters;

    PowensHttp(Duration connectTimeout, Duration readTimeout, Clock clock, ProviderCallGate gate) {
        this(connectTimeout, readTimeout, clock, gate, new SimpleMeterRegistry());
    }

    /**
     * @param meters where each request is timed ({@link MetricNames#PROVIDER_CALLS}, by endpoint template and status)
     */
    PowensHttp(Duration connectTimeout, Duration readTimeout, Clock clock, ProviderCallGate gate,
            MeterRegistry meters) {
        this.meters = meters;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
        this.clock = clock;
        this.gate = gate;
    }

    HttpRequest.Builder request(URI uri, @Nullable ProviderToken token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token.value());
        }
        return request;
    }

    HttpRequest.BodyPublisher jsonBody(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
    }

    /**
     * Sends the request and answers the complete body of a 2xx answer.
     *
     * @throws ProviderException for any other status, a timeout or an I/O failure
     */
    byte[] send(String operation, HttpRequest request) {
        return send(operation, request, readTimeout);
    }

    /**
     * Sends the request, waiting up to {@code timeout} for the whole answer (the request's own timeout should match).
     */
    byte[] send(String operation, HttpRequest request, Duration timeout) {
        HttpResponse<byte[]> response = exchange(operation, request, timeout);
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response.body();
        }
        throw failure(operation, response);
    }

    /**
     * Sends a deletion: a 2xx or a 404 (nothing left to delete) both mean the resource is gone.
     *
     * @return whether this request deleted it ({@code false} for a 404)
     * @throws ProviderException for any other status, a timeout or an I/O failure
     */
    boolean delete(String operation, HttpRequest request) {
        HttpResponse<byte[]> response = exchange(operation, request, readTimeout);
        int status = response.statusCode();
        if (status == 404) {
            return false;
        }
        if (status >= 200 && status < 300) {
            return true;
        }
        throw failure(operation, response);
    }

    private HttpResponse<byte[]> exchange(String operation, HttpRequest request, Duration timeout) {
        // every request passes the provider-wide limits here, exactly once: retries wrap whole operations
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = gate.call(operation, () -> exchangeOnce(operation, request, timeout));
        } catch (ProviderException e) {
            timed(operation, e.failure().code(), started);
            throw e;
        }
        timed(operation, Integer.toString(response.statusCode()), started);
        return response;
    }

    private ProviderException failure(String operation, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
        return new ProviderException(operation, PowensFailures.classify(status, errorCode(response.body()),
                retryAfter));
    }

    /**
     * Sends the request and parses the JSON body of its 2xx answer.
     *
     * @throws ProviderException for a failed exchange or a body that is not the JSON expected (transient)
     */
    <T> T fetch(String operation, HttpRequest request, Class<T> type) {
        byte[] body = send(operation, request);
        return guarded(operation, () -> read(body, type));
    }

    /**
     * Parses a JSON body.
     *
     * @throws MalformedResponseException when it is not the JSON expected
     */
    <T> T read(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new MalformedResponseException("Powens answered an empty body");
            }
            return value;
        } catch (JacksonException e) {
            throw new MalformedResponseException("Powens answered malformed JSON", e);
        }
    }

    /**
     * Runs a step that reads an answer, turning an unreadable answer into a transient failure: the caller retries
     * rather than storing what could be read of it.
     */
    static <T> T guarded(String operation, Supplier<T> step) {
        try {
            return step.get();
        } catch (MalformedResponseException e) {
            throw new ProviderException(operation, new ProviderFailure.Transient("malformed_response", null), e);
        }
    }

    private HttpResponse<byte[]> exchangeOnce(String operation, HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout stops at the headers; this bound covers a body that trickles or stalls
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw transientFailure(operation, "timeout", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw transientFailure(operation, cause instanceof HttpTimeoutException ? "timeout" : "io", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw transientFailure(operation, "interrupted", e);
        }
    }

    private void timed(String operation, String status, long startedNanos) {
        // the operation is a template ("Powens GET /users/me/connections/{id}"): no id, token or query value
        String endpoint = operation.replaceFirst("^Powens ", "").replaceFirst("\\?.*$", "");
        Timer.builder(MetricNames.PROVIDER_CALLS)
                .tags("provider", PowensClient.NAME, "endpoint", endpoint, "status", status)
                .register(meters)
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private @Nullable String errorCode(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            PowensJson.Error error = json.readValue(body, PowensJson.Error.class);
            return error == null ? null : error.code();
        } catch (JacksonException e) {
            // an error page from a proxy, say: the status alone classifies it
            return null;
        }
    }

    private static ProviderException transientFailure(String operation, String code, Throwable cause) {
        return new ProviderException(operation, new ProviderFailure.Transient(code, null),
                cause instanceof IOException || cause instanceof TimeoutException ? cause : null);
    }

    @Override
    public void close() {
        client.close();
    }
}
