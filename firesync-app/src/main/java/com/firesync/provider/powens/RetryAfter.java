package com.firesync.provider.powens;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header: a number of seconds or an HTTP-date (RFC 9110). A date in the past means
 * "now"; an unreadable value is ignored rather than failing the call it came with.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static @Nullable Duration parse(@Nullable String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Duration delay = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return delay.isNegative() ? Duration.ZERO : delay;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
