package com.firesync.provider.enablebanking;

import com.firesync.provider.ProviderFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an Enable Banking refusal means for FireSync, from its {@code error} code first and its HTTP status second
 * (Enable Banking answers 401 for session problems and for credential problems alike).
 */
final class EnableBankingFailures {

    /** The session is over: only a new authorisation by the user reads the bank again. */
    private static final Set<String> SESSION_OVER = Set.of("EXPIRED_SESSION", "CLOSED_SESSION", "REVOKED_SESSION",
            "SESSION_DOES_NOT_EXIST", "WRONG_SESSION_STATUS", "ASPSP_PSU_ACTION_REQUIRED", "INVALID_ACCOUNT_ID");

    private static final Set<String> PASSING = Set.of("ASPSP_TIMEOUT", "ASPSP_ERROR");

    private EnableBankingFailures() {
    }

    static ProviderFailure classify(int status, @Nullable String error, @Nullable Duration retryAfter) {
        if (error != null && SESSION_OVER.contains(error)) {
            return new ProviderFailure.NeedsUserAction(error);
        }
        if ("ASPSP_RATE_LIMIT_EXCEEDED".equals(error)) {
            // the bank's daily budget of unattended reads is spent: trying again today only wastes calls
            return new ProviderFailure.Permanent("ASPSP_RATE_LIMIT_EXCEEDED");
        }
        if ("WRONG_ASPSP_PROVIDED".equals(error)) {
            return new ProviderFailure.Permanent("unknown_bank");
        }
        if (status == 429) {
            return new ProviderFailure.RateLimited(retryAfter);
        }
        if (status == 401 || status == 403) {
            return new ProviderFailure.AuthInvalid();
        }
        if (status >= 500 || status == 408 || (error != null && PASSING.contains(error))) {
            return new ProviderFailure.Transient(error != null ? error : "http_" + status, retryAfter);
        }
        return new ProviderFailure.Permanent(error != null ? error : "http_" + status);
    }

    static @Nullable Duration retryAfter(@Nullable String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return value.chars().allMatch(Character::isDigit)
                    ? Duration.ofSeconds(Long.parseLong(value))
                    : maxZero(Duration.between(clock.instant(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static Duration maxZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
