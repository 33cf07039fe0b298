package com.firesync.analytics.web;

import com.firesync.shared.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses the analytics routes' parameters, naming a bad one in a 400 problem. */
final class Parameters {

    private Parameters() {
    }

    static @Nullable LocalDate date(String name, @Nullable String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be a date as YYYY-MM-DD");
        }
    }

    /** A decimal strictly above {@code above} and at most {@code atMost}; {@code null} when absent. */
    static @Nullable BigDecimal decimal(String name, @Nullable String raw, BigDecimal above, BigDecimal atMost) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.strip());
            if (value.compareTo(above) > 0 && value.compareTo(atMost) <= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidParameter(name, "must be a number above " + above.toPlainString()
                + " and at most " + atMost.toPlainString());
    }

    /** An integer from {@code min} to {@code max}; {@code fallback} when absent. */
    static long integer(String name, @Nullable String raw, long min, long max, long fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidParameter(name, "must be an integer from " + min + " to " + max);
    }

    static <E extends Enum<E>> E choice(String name, @Nullable String raw, Class<E> type, E fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(raw.strip())) {
                return value;
            }
        }
        throw ApiException.invalidParameter(name, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(value -> value.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
