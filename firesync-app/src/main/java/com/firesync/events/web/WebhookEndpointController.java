package com.firesync.events.web;

import com.firesync.events.WebhookEndpoint;
import com.firesync.events.WebhookEndpoints;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import com.firesync.shared.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's outbound webhook endpoints: register one (its signing secret is answered this once), list them with
 * their state, delete one, and read its delivery attempts.
 */
@RestController
class WebhookEndpointController {

    private static final int ATTEMPTS = 100;

    private final WebhookEndpoints endpoints;

    WebhookEndpointController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @PostMapping("/api/webhook-endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<Registered> register(@AuthenticationPrincipal Caller caller,
            @Valid @RequestBody NewEndpoint request) {
        for (String type : request.events()) {
            if (type == null || !WebhookEndpoints.TYPES.contains(type)) {
                throw ApiException.invalidParameter("events", "must list event types among "
                        + WebhookEndpoints.TYPES.stream().sorted().toList());
            }
        }
        List<String> types = request.events().stream().map(String::valueOf).distinct().toList();
        var registered = endpoints.register(caller.userId(), request.url().strip(), types);
        return ApiResponse.ok(new Registered(view(registered.endpoint()), registered.secret()));
    }

    @GetMapping("/api/webhook-endpoints")
    ApiResponse<List<EndpointView>> list(@AuthenticationPrincipal Caller caller) {
        return ApiResponse.ok(endpoints.list(caller.userId()).stream().map(WebhookEndpointController::view).toList());
    }

    @DeleteMapping("/api/webhook-endpoints/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!endpoints.delete(caller.userId(), Ids.positive("id", id))) {
            throw ApiException.notFound("webhook endpoint");
        }
    }

    @GetMapping("/api/webhook-endpoints/{id}/deliveries")
    ApiResponse<List<WebhookEndpoints.DeliveryAttempt>> deliveries(@AuthenticationPrincipal Caller caller,
            @PathVariable String id) {
        var endpoint = endpoints.find(caller.userId(), Ids.positive("id", id))
                .orElseThrow(() -> ApiException.notFound("webhook endpoint"));
        return ApiResponse.ok(endpoints.attempts(endpoint.id(), ATTEMPTS));
    }

    private static EndpointView view(WebhookEndpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.types(), endpoint.status(),
                endpoint.createdAt(), endpoint.failingSince(), endpoint.retryAt(), endpoint.disabledAt(),
                endpoint.disabledReason());
    }

    /**
     * A registration.
     *
     * @param url where deliveries go (http or https, on a public address)
     * @param events the event types to receive
     */
    record NewEndpoint(@NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 6) List<@Nullable String> events) {
    }

    /**
     * An endpoint as its owner sees it.
     *
     * @param status {@code active}, {@code failing} (retrying) or {@code disabled} (gave up after a day of failures)
     */
    record EndpointView(long id, String url, List<String> events, String status, Instant createdAt,
            @Nullable Instant failingSince, @Nullable Instant nextRetryAt, @Nullable Instant disabledAt,
            @Nullable String disabledReason) {
    }

    /**
     * An endpoint just registered, with its signing secret, shown this once.
     */
    record Registered(EndpointView endpoint, String secret) {
    }
}
