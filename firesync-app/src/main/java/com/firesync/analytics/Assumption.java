package com.firesync.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A value a figure rests on, with where it came from.
 *
 * @param name the parameter's name
 * @param value the value used
 * @param source {@code given} (by the caller), {@code default} or {@code measured} (from the ledger)
 * @param from for a measured value, the first day measured
 * @param to for a measured value, the last day measured
 */
@JsonInclude(Include.NON_NULL)
public record Assumption(String name, BigDecimal value, String source, @Nullable LocalDate from,
        @Nullable LocalDate to) {

    static Assumption of(String name, @Nullable BigDecimal given, BigDecimal fallback) {
        return given != null
                ? new Assumption(name, given, "given", null, null)
                : new Assumption(name, fallback, "default", null, null);
    }

    static Assumption measured(String name, @Nullable BigDecimal given, BigDecimal measured, LocalDate from,
            LocalDate to) {
        return given != null
                ? new Assumption(name, given, "given", null, null)
                : new Assumption(name, measured, "measured", from, to);
    }
}
