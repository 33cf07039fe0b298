package com.firesync.sandbox.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers signed webhooks on virtual threads, retrying with exponential backoff on anything but a 2xx, as Powens
 * re-sends data that was not taken into account.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Supplier<Optional<URI>> target;

    private final WebhookSignature signature;

    private final Clock clock;

    private final int maxAttempts;

    private final Duration backoff;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookSender(Supplier<Optional<URI>> target, WebhookSignature signature, Clock clock, int maxAttempts,
            Duration backoff) {
        this.target = target;
        this.signature = signature;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    boolean configured() {
        return target.get().isPresent();
    }

    /** Builds and sends the body in the background; {@code delivered} runs once a 2xx came back. */
    void send(Supplier<String> body, Runnable delivered) {
        target.get().ifPresent(uri -> executor.execute(() -> {
            if (deliver(uri, body.get())) {
                delivered.run();
            }
        }));
    }

    private boolean deliver(URI uri, String body) {
        Duration wait = backoff;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            int status = post(uri, body);
            if (status >= 200 && status < 300) {
                return true;
            }
            log.debug("Webhook to {} answered {} (attempt {}/{})", uri, status, attempt, maxAttempts);
            if (attempt < maxAttempts && !pause(wait)) {
                return false;
            }
            wait = wait.multipliedBy(2);
        }
        log.warn("Webhook to {} given up after {} attempts", uri, maxAttempts);
        return false;
    }

    private int post(URI uri, String body) {
        String date = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Budgea API/2.0 (FireSync sandbox)")
                .header("BI-Signature-Date", date)
                .header("BI-Signature", signature.sign("POST", path, date, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The backoff is the simulated upstream's own retry schedule, so it waits in real time. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        http.close();
    }
}
