package com.firesync.provider.enablebanking;

import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A transaction listing whose period the bank refused ({@code WRONG_TRANSACTIONS_PERIOD}, 422): many banks list only
 * about 90 days back. Enable Banking may say from when the bank would list, as a {@code detail} object carrying the
 * corrected {@code date_from}.
 */
final class PeriodRefused extends ProviderException {

    static final String CODE = "WRONG_TRANSACTIONS_PERIOD";

    private final transient @Nullable LocalDate correctedFrom;

    PeriodRefused(String operation, ProviderFailure failure, @Nullable Object detail) {
        super(operation, failure);
        this.correctedFrom = correctedFrom(detail);
    }

    /** The earliest {@code date_from} the bank would list from, when it said so. */
    @Nullable
    LocalDate correctedFrom() {
        return correctedFrom;
    }

    private static @Nullable LocalDate correctedFrom(@Nullable Object detail) {
        if (!(detail instanceof Map<?, ?> fields) || !(fields.get("date_from") instanceof String date)) {
            return null; // a string detail, or a bank's own shape: nothing to correct with
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
