package com.firesync.sync.web;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.ConnectionState;
import com.firesync.provider.PresentUser;
import com.firesync.provider.resilience.ConnectionCircuits;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import com.firesync.shared.Ids;
import com.firesync.sync.BulkSync;
import com.firesync.sync.QuotaPlanner;
import com.firesync.sync.QuotaPlanner.Quota;
import com.firesync.sync.SyncEngine;
import com.firesync.sync.SyncOutcome;
import com.firesync.sync.SyncPolicy;
import com.firesync.sync.SyncSettings;
import com.firesync.sync.SyncTrigger;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intelligent sync requests and the sync status of the caller's connections (every connection for an admin).
 */
@RestController
class SyncController {

    private final SyncEngine engine;

    private final BulkSync bulk;

    private final ConnectionLifecycle connections;

    private final SyncPolicy policy;

    private final SyncSettings settings;

    private final ConnectionCircuits circuits;

    private final QuotaPlanner quotas;

    private final Clock clock;

    SyncController(SyncEngine engine, BulkSync bulk, ConnectionLifecycle connections, SyncPolicy policy,
            SyncSettings settings, ConnectionCircuits circuits, QuotaPlanner quotas, Clock clock) {
        this.quotas = quotas;
        this.circuits = circuits;
        this.engine = engine;
        this.bulk = bulk;
        this.connections = connections;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/sync/intelligent/connection/{id}")
    ApiResponse<SyncOutcome> syncConnection(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) @Nullable String force, HttpServletRequest request) {
        long connectionId = Ids.positive("id", id);
        ConnectionSnapshot connection = connections.snapshot(caller.userId(), connectionId)
                .orElseThrow(() -> ApiException.notFound("connection"));
        return ApiResponse.ok(engine.sync(connection, SyncTrigger.MANUAL, flag(force), present(request)));
    }

    /**
     * The user behind a sync they asked for themselves at a browser: their address and browser, which a provider
     * limiting unattended reads passes on to the bank. A browser marks each of its requests with fetch metadata
     * ({@code Sec-Fetch-Mode}), which a page's scripts cannot set and scripts, jobs and API clients do not send: those
     * are unattended, whatever {@code User-Agent} their HTTP library sends. Nothing without a {@code User-Agent}: all
     * of it or none.
     */
    private static @Nullable PresentUser present(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String address = request.getRemoteAddr();
        if (request.getHeader("Sec-Fetch-Mode") == null || agent == null || agent.isBlank() || address == null
                || address.isBlank()) {
            return null;
        }
        return new PresentUser(address, agent.length() > 256 ? agent.substring(0, 256) : agent);
    }

    @PostMapping("/api/sync/intelligent/all")
    ResponseEntity<ApiResponse<?>> syncAll(@AuthenticationPrincipal Caller caller) {
        if (caller.isAdmin()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(bulk.start(SyncTrigger.MANUAL)));
        }
        return ResponseEntity.ok(ApiResponse.ok(bulk.syncAll(caller.userId(), SyncTrigger.MANUAL)));
    }

    @GetMapping("/api/sync/status")
    ApiResponse<List<ConnectionStatus>> status(@AuthenticationPrincipal Caller caller) {
        Instant now = clock.instant();
        return ApiResponse.ok(connections.list(caller.isAdmin() ? null : caller.userId())
                .stream()
                .map(connection -> status(connection, now))
                .toList());
    }

    private ConnectionStatus status(ConnectionSnapshot connection, Instant now) {
        Instant lastSuccess = connection.lastSuccessAt();
        boolean userAction = connection.state() == ConnectionState.NEEDS_USER_ACTION;
        Instant next = lastSuccess == null ? now : lastSuccess.plus(settings.freshFor());
        Instant probe = circuits.openUntil(connection.id()).orElse(null);
        if (probe != null && probe.isAfter(next)) {
            next = probe;
        }
        Quota quota = quotas.quota(connection, now).orElse(null);
        if (quota != null) {
            next = quota.plan(next, connection.lastAttemptAt());
        }
        Instant consent = connection.consentExpiresAt();
        return new ConnectionStatus(connection.id(), connection.provider(), connection.bank(),
                connection.state().code(), consent,
                consent == null ? null : Math.max(0, Duration.between(now, consent).toDays()),
                connection.lastAttemptAt(), lastSuccess,
                lastSuccess == null ? null : Duration.between(lastSuccess, now).toSeconds(),
                policy.isStale(connection, now), userAction ? null : next, connection.consecutiveFailures(),
                circuits.state(connection.id()).name().toLowerCase(java.util.Locale.ROOT), connection.errorCode(),
                new UserAction(userAction, connection.providerState(),
                        userAction ? connection.reconnectRoute() : null),
                quota == null ? null : quota.syncsLeft(), connection.bankHistoryFrom());
    }

    private static boolean flag(@Nullable String raw) {
        if (raw == null) {
            return false;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidParameter("force", "must be true or false");
        };
    }

    /**
     * One connection's sync status.
     *
     * @param nextPlannedSync when the next scheduled sync is planned (for a provider limiting unattended reads, within
     *        its daily budget)
     * @param unattendedCallsLeft for a provider limiting reads made without the user, the calls of each kind its
     *        accounts still allow today (the unattended syncs left); {@code null} for other providers
     * @param bankHistoryFrom the first day the bank listed at the last sync, when it listed less than the synced
     *        history (a bank capping how far back it lists): older rows FireSync never stored cannot be read;
     *        {@code null} when it listed everything asked
     */
    record ConnectionStatus(long connectionId, String provider, String bank, String state,
            @Nullable Instant consentExpiresAt, @Nullable Long consentDaysLeft, @Nullable Instant lastAttemptAt,
            @Nullable Instant lastSuccessAt, @Nullable Long stalenessSeconds, boolean stale,
            @Nullable Instant nextPlannedSync, int consecutiveFailures, String circuitState,
            @Nullable String lastError, UserAction userAction,
            @Nullable Integer unattendedCallsLeft, @Nullable LocalDate bankHistoryFrom) {
    }

    /**
     * What the user must do, if anything.
     *
     * @param required whether the user must act before the connection syncs again
     * @param providerState the provider's state, e.g. {@code SCARequired}
     * @param reconnectRoute the route that hands out a reconnect link
     */
    record UserAction(boolean required, @Nullable String providerState, @Nullable String reconnectRoute) {
    }
}
