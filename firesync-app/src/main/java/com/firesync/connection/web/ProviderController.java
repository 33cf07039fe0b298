package com.firesync.connection.web;

import com.firesync.connection.ConnectFlow;
import com.firesync.connection.ConnectFlow.CallbackOutcome;
import com.firesync.connection.ConnectFlow.ConnectLink;
import com.firesync.provider.ProviderBank;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import com.firesync.shared.Ids;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The configured providers, the banks a provider lets the user pick, and the link-one-bank flow of Enable Banking:
 * its authorisation URL for a named bank and the page the browser comes back to (no API token: the single-use
 * {@code state} identifies the user).
 */
@RestController
class ProviderController {

    static final String ENABLEBANKING = "enablebanking";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private static final Pattern PROVIDER = Pattern.compile("[a-z]{1,32}");

    private final ConnectFlow flow;

    ProviderController(ConnectFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/api/providers")
    ApiResponse<List<Provider>> providers() {
        return ApiResponse.ok(flow.providers().stream().map(Provider::new).toList());
    }

    @GetMapping("/api/providers/{provider}/banks")
    ApiResponse<List<ProviderBank>> banks(@PathVariable String provider,
            @RequestParam(required = false) @Nullable String country) {
        if (!PROVIDER.matcher(provider).matches()) {
            // like a name that is no configured provider: there is no such resource
            throw new ApiException(HttpStatus.NOT_FOUND, "provider_not_configured",
                    "No provider of that name is configured; see /api/providers.");
        }
        return ApiResponse.ok(flow.banks(provider, country == null ? null : country(country)));
    }

    /**
     * The authorisation URL of a named bank; with {@code reconnect}, the renewal of that connection's consent (at
     * its own bank unless {@code bank} and {@code country} name another).
     */
    @GetMapping("/api/auth/enablebanking/url")
    ApiResponse<ConnectLink> connectUrl(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable String reconnect) {
        if (reconnect != null) {
            long connectionId = Ids.positive("reconnect", reconnect);
            if (bank == null && country == null) {
                return ApiResponse.ok(flow.reconnect(caller.userId(), ENABLEBANKING, connectionId, null, null));
            }
            return ApiResponse.ok(flow.reconnect(caller.userId(), ENABLEBANKING, connectionId, bank(bank),
                    country(country)));
        }
        return ApiResponse.ok(flow.connect(caller.userId(), ENABLEBANKING, bank(bank), country(country)));
    }

    @GetMapping("/api/auth/enablebanking/callback")
    ResponseEntity<?> callback(@RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(name = "error_description", required = false) @Nullable String errorDescription,
            @RequestHeader(name = "Accept", required = false) @Nullable String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        try {
            if (state == null || state.isBlank() || state.length() > 200) {
                throw ApiException.invalidParameter("state", "is missing or malformed");
            }
            if (code != null && (code.length() > 500 || code.chars().anyMatch(Character::isISOControl))) {
                throw ApiException.invalidParameter("code", "is malformed");
            }
            CallbackOutcome outcome = flow.authorized(ENABLEBANKING, state, code, error, errorDescription);
            return json ? ResponseEntity.ok(ApiResponse.ok(outcome)) : CallbackPage.of(outcome);
        } catch (ApiException refused) {
            if (json) {
                throw refused;
            }
            return CallbackPage.refused(refused);
        }
    }

    private static String bank(@Nullable String bank) {
        if (bank == null || bank.isBlank() || bank.length() > 200 || bank.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidParameter("bank", "must name a bank of /api/providers/enablebanking/banks");
        }
        return bank;
    }

    private static String country(@Nullable String raw) {
        if (raw == null) {
            throw ApiException.invalidParameter("country", "is required (two upper-case letters, e.g. FI)");
        }
        if (!COUNTRY.matcher(raw).matches()) {
            throw ApiException.invalidParameter("country", "must be two upper-case letters, e.g. FI");
        }
        return raw;
    }

    /**
     * A configured provider.
     *
     * @param name its name, as connections record it
     */
    record Provider(String name) {
    }
}
