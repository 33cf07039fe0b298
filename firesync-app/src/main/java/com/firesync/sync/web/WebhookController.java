package com.firesync.sync.web;

import com.firesync.provider.ProviderException;
import com.firesync.provider.WebhookEvent;
import com.firesync.provider.WebhookReader;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.MetricNames;
import com.firesync.sync.WebhookInbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Powens webhooks. The HMAC signature is checked on the raw bytes with the path Powens called, the signing
 * date must be within five minutes of now, a signature is accepted once; the webhook is stored and acknowledged at
 * once, and applied in the background. The event can be named by the route ({@code /api/webhooks/powens/{event}},
 * one URL per event in the Powens console) or recognised from the body.
 */
@RestController
class WebhookController {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final WebhookReader reader;

    private final WebhookInbox inbox;

    private final Clock clock;

    private final MeterRegistry meters;

    WebhookController(WebhookReader reader, WebhookInbox inbox, Clock clock, MeterRegistry meters) {
        this.reader = reader;
        this.inbox = inbox;
        this.clock = clock;
        this.meters = meters;
    }

    @PostMapping({"/api/webhooks/powens", "/api/webhooks/powens/{event}"})
    ResponseEntity<ApiResponse<Map<String, Object>>> receive(HttpServletRequest request,
            @PathVariable(required = false) @Nullable String event,
            @RequestHeader(name = "BI-Signature", required = false) @Nullable String signature,
            @RequestHeader(name = "BI-Signature-Date", required = false) @Nullable String date,
            @RequestBody(required = false) byte @Nullable [] body) {
        try {
            var accepted = accept(request, event, signature, date, body);
            meters.counter(MetricNames.WEBHOOKS_RECEIVED, "outcome", "accepted").increment();
            return accepted;
        } catch (ApiException e) {
            // the refusal's code, never anything from the request
            meters.counter(MetricNames.WEBHOOKS_RECEIVED, "outcome", e.code()).increment();
            throw e;
        }
    }

    private ResponseEntity<ApiResponse<Map<String, Object>>> accept(HttpServletRequest request,
            @Nullable String event, @Nullable String signature, @Nullable String date, byte @Nullable [] body) {
        if (signature == null || date == null) {
            throw refused("missing_signature", "BI-Signature and BI-Signature-Date headers are required.");
        }
        checkWindow(date);
        byte[] raw = body == null ? new byte[0] : body;
        if (!reader.verifySignature("POST", request.getRequestURI(), date, raw, signature)) {
            throw refused("invalid_signature", "The webhook signature does not match.");
        }
        WebhookEvent parsed;
        try {
            parsed = reader.read(event, raw);
        } catch (ProviderException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_webhook", "The webhook body is not readable.");
        }
        String name = event != null ? event.toUpperCase(Locale.ROOT) : eventName(parsed);
        if (inbox.accept(name, raw, signature).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "webhook_replayed", "This webhook was already received.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ApiResponse.ok(Map.of("accepted", true, "event", name)));
    }

    private void checkWindow(String date) {
        Instant signed;
        try {
            signed = OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            throw refused("invalid_signature_date", "BI-Signature-Date must be an ISO-8601 date-time with offset.");
        }
        if (Duration.between(signed, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw refused("stale_signature_date", "BI-Signature-Date is more than five minutes from now.");
        }
    }

    private static String eventName(WebhookEvent event) {
        return switch (event) {
            case WebhookEvent.ConnectionSynced synced -> "CONNECTION_SYNCED";
            case WebhookEvent.ConnectionDeleted deleted -> "CONNECTION_DELETED";
            case WebhookEvent.AccountChanged changed -> "ACCOUNT_CHANGED";
            case WebhookEvent.Ignored ignored -> ignored.name();
        };
    }

    private static ApiException refused(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, detail);
    }
}
