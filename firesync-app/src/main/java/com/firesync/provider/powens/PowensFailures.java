package com.firesync.provider.powens;

import com.firesync.provider.ProviderFailure;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Classifies a failed Powens answer. Powens asks integrators to branch on the error {@code code} rather than the
 * HTTP status, so the code decides wherever it is known; the status decides for authentication (401/403), rate
 * limiting (429) and server errors (5xx); anything else is permanent.
 */
final class PowensFailures {

    /** Codes that mean "too many requests" rather than "the bank is down". */
    private static final Set<String> RATE_LIMIT_CODES = Set.of("tooManySync");

    private PowensFailures() {
    }

    /**
     * @param status the HTTP status (not 2xx)
     * @param code the {@code code} of Powens' error body, if the body had one
     * @param retryAfter the parsed {@code Retry-After} header, if any
     */
    static ProviderFailure classify(int status, @Nullable String code, @Nullable Duration retryAfter) {
        if (status == 401 || status == 403) {
            return new ProviderFailure.AuthInvalid();
        }
        if (status == 429 || code != null && RATE_LIMIT_CODES.contains(code)) {
            return new ProviderFailure.RateLimited(retryAfter);
        }
        if (code != null && PowensStates.needsUser(code)) {
            return new ProviderFailure.NeedsUserAction(code);
        }
        if (code != null && PowensStates.isTemporary(code)) {
            return new ProviderFailure.Transient(code, retryAfter);
        }
        if (status >= 500 || status == 408) {
            return new ProviderFailure.Transient("http_" + status, retryAfter);
        }
        return new ProviderFailure.Permanent(code != null && !code.isBlank() ? code : "http_" + status);
    }
}
