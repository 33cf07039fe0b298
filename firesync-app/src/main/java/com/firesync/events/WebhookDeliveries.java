package com.firesync.events;

import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one endpoint's events, oldest first, signed as Standard Webhooks says. Run as one scheduler task per
 * endpoint, so one instance at a time delivers to an endpoint and its events arrive in order, at least once: a
 * failed event is tried again, after a growing wait, before any later one, and an endpoint that keeps failing for
 * {@code giveUpAfter} is disabled. Redirects are not followed; each call has {@code timeout} to answer.
 */
@Service
public class WebhookDeliveries {

    private static final Logger logger = LoggerFactory.getLogger(WebhookDeliveries.class);

    private static final int PAGE = 100;

    private final WebhookEndpoints endpoints;

    private final EventLog log;

    private final WebhookSettings settings;

    private final JsonMapper json;

    private final MeterRegistry meters;

    private final Clock clock;

    private final HttpClient http;

    WebhookDeliveries(WebhookEndpoints endpoints, EventLog log, WebhookSettings settings, JsonMapper json,
            MeterRegistry meters, Clock clock) {
        this.endpoints = endpoints;
        this.log = log;
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    /**
     * Delivers what the endpoint has not received yet, until it is all delivered or one delivery fails.
     */
    public void deliver(long endpointId) {
        Optional<WebhookEndpoint> found = endpoints.find(endpointId);
        if (found.isEmpty() || found.get().disabledAt() != null) {
            return;
        }
        WebhookEndpoint endpoint = found.get();
        Optional<String> signing = endpoints.secret(endpointId);
        if (signing.isEmpty()) {
            endpoints.disable(endpointId, clock.instant(), "no signing secret");
            return;
        }
        String secret = signing.get();
        long through = endpoint.deliveredThrough();
        for (;;) {
            List<Event> events = log.after(endpoint.userId(), through, PAGE);
            for (Event event : events) {
                if (endpoint.wants(event.type()) && !attempt(endpoint, secret, event)) {
                    return;
                }
                through = event.position();
                endpoints.delivered(endpointId, through);
            }
            if (events.size() < PAGE) {
                return;
            }
        }
    }

    /** One attempt; answers whether it was delivered (a 2xx). */
    private boolean attempt(WebhookEndpoint endpoint, String secret, Event event) {
        Instant now = clock.instant();
        Answer answer = post(endpoint.url(), secret, event, now);
        if (answer.error() == null) {
            endpoints.recordAttempt(endpoint.id(), event.position(), now, answer.status(), null, null);
            meters.counter(MetricNames.WEBHOOK_ATTEMPTS, "outcome", "delivered").increment();
            meters.timer(MetricNames.WEBHOOK_DELIVERY).record(Duration.between(event.occurredAt(), now).abs());
            return true;
        }
        meters.counter(MetricNames.WEBHOOK_ATTEMPTS, "outcome", "failed").increment();
        int failures = endpoint.failures() + 1;
        Instant since = endpoint.failingSince() == null ? now : endpoint.failingSince();
        if (!now.isBefore(since.plus(settings.giveUpAfter()))) {
            endpoints.recordAttempt(endpoint.id(), event.position(), now, answer.status(), answer.error(), null);
            endpoints.disable(endpoint.id(), now, "deliveries failed for " + settings.giveUpAfter().toHours() + " h");
            logger.warn("Disabled webhook endpoint {}: deliveries failed since {}", endpoint.id(), since);
            return false;
        }
        Instant retry = now.plus(settings.retryDelay(failures));
        endpoints.recordAttempt(endpoint.id(), event.position(), now, answer.status(), answer.error(), retry);
        endpoints.failed(endpoint.id(), since, failures, retry);
        return false;
    }

    private Answer post(String url, String secret, Event event, Instant now) {
        var refused = UrlGuard.refusal(url, settings.allowPrivate());
        if (refused.isPresent()) {
            return new Answer(null, "refused: " + refused.get());
        }
        String body = json.writeValueAsString(event);
        String id = "evt_" + event.id();
        long timestamp = now.getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status, status / 100 == 2 ? null : "answered " + status);
        } catch (IOException e) {
            return new Answer(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }

    private record Answer(@Nullable Integer status, @Nullable String error) {
    }
}
