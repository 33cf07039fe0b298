package com.firesync.connection.web;

import com.firesync.connection.ConnectFlow;
import com.firesync.connection.ConnectFlow.CallbackOutcome;
import com.firesync.connection.ConnectFlow.ConnectLink;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import com.firesync.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The connect flow: links to the provider's webview, and the page the browser comes back to. The callback needs no
 * API token: the single-use {@code state} it carries identifies the user.
 */
@RestController
class ConnectController {

    private static final String POWENS = "powens";

    private final ConnectFlow flow;

    ConnectController(ConnectFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/api/auth/powens/url")
    ApiResponse<ConnectLink> connectUrl(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String reconnect) {
        if (reconnect != null) {
            return ApiResponse.ok(flow.reconnect(caller.userId(), POWENS, Ids.positive("reconnect", reconnect), null,
                    null));
        }
        return ApiResponse.ok(flow.connect(caller.userId()));
    }

    /** The older form of {@code /api/auth/powens/url?reconnect={connectionId}}, kept for existing clients. */
    @GetMapping("/api/auth/powens/reconnect/{connectionId}")
    ApiResponse<ConnectLink> reconnectUrl(@AuthenticationPrincipal Caller caller, @PathVariable String connectionId) {
        return ApiResponse.ok(flow.reconnect(caller.userId(), POWENS, Ids.positive("connectionId", connectionId), null,
                null));
    }

    @GetMapping("/api/auth/powens/callback")
    ResponseEntity<?> callback(@RequestParam(required = false) @Nullable String state,
            @RequestParam(name = "connection_ids", required = false) @Nullable String connectionIds,
            @RequestParam(name = "connection_id", required = false) @Nullable String connectionId,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Nullable String errorDescription,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        try {
            if (state == null || state.isBlank() || state.length() > 200) {
                throw ApiException.invalidParameter("state", "is missing or malformed");
            }
            CallbackOutcome outcome = flow.complete(state, connectionIds != null ? connectionIds : connectionId,
                    error, errorDescription);
            return json ? ResponseEntity.ok(ApiResponse.ok(outcome)) : CallbackPage.of(outcome);
        } catch (ApiException refused) {
            if (json) {
                throw refused;
            }
            return CallbackPage.refused(refused);
        }
    }
}
