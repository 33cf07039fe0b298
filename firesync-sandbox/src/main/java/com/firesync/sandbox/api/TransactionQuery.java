package com.firesync.sandbox.api;

import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.LedgerTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a transaction list: {@code min_date}/{@code max_date} (inclusive, {@code YYYY-MM-DD},
 * {@code YYYY-MM} or {@code YYYY}) on {@code application_date}, or on {@code date} with {@code filter=date};
 * {@code last_update} (strictly after, a naive Paris timestamp); {@code all} (value-less flag, also {@code true} or
 * {@code 1}) to include deleted rows; {@code limit} (default and maximum 1000) and {@code offset}. With no date and
 * no {@code last_update} at all, only the last month is listed (Powens' legacy default).
 */
record TransactionQuery(@Nullable LocalDate minDate, @Nullable LocalDate maxDate, boolean byBankDate,
        @Nullable Instant lastUpdate, boolean all, int limit, int offset) {

    static final int MAX_LIMIT = 1000;

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static TransactionQuery parse(Map<String, String[]> params, LocalDate today) {
        LocalDate min = bound(first(params, "min_date"), true);
        LocalDate max = bound(first(params, "max_date"), false);
        Instant lastUpdate = lastUpdate(first(params, "last_update"));
        if (min == null && max == null && lastUpdate == null) {
            min = today.minusMonths(1);
        }
        String filter = first(params, "filter");
        if (filter != null && !filter.equals("date") && !filter.equals("application_date")) {
            throw PowensError.invalidValue("filter must be date or application_date.");
        }
        int limit = number(first(params, "limit"), MAX_LIMIT, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw PowensError.invalidValue("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        int offset = number(first(params, "offset"), 0, "offset");
        if (offset < 0) {
            throw PowensError.invalidValue("offset must not be negative.");
        }
        return new TransactionQuery(min, max, "date".equals(filter), lastUpdate, flag(params.get("all")), limit,
                offset);
    }

    /** The date the bounds apply to: {@code date} with {@code filter=date}, else {@code application_date}. */
    LocalDate filteredDate(LedgerTransaction row) {
        return byBankDate ? row.date() : row.applicationDate();
    }

    boolean matches(LedgerTransaction row) {
        LocalDate day = filteredDate(row);
        return (all || !row.isDeleted()) && (minDate == null || !day.isBefore(minDate))
                && (maxDate == null || !day.isAfter(maxDate))
                && (lastUpdate == null || row.lastUpdate().isAfter(lastUpdate));
    }

    private static @Nullable String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
    }

    private static boolean flag(String @Nullable [] values) {
        if (values == null) {
            return false;
        }
        String value = values.length == 0 ? "" : values[0].strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() || value.equals("true") || value.equals("1");
    }

    private static @Nullable LocalDate bound(@Nullable String raw, boolean start) {
        if (raw == null) {
            return null;
        }
        try {
            return switch (raw.length()) {
                case 4 ->
                    start ? LocalDate.of(Integer.parseInt(raw), 1, 1) : LocalDate.of(Integer.parseInt(raw), 12, 31);
                case 7 -> start ? YearMonth.parse(raw).atDay(1) : YearMonth.parse(raw).atEndOfMonth();
                default -> LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw PowensError.invalidValue("Dates must be YYYY-MM-DD, YYYY-MM or YYYY.");
        }
    }

    private static @Nullable Instant lastUpdate(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        try {
            String text = raw.replace('T', ' ');
            LocalDateTime local = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay()
                    : LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text, NAIVE);
            return local.atZone(Clocks.PARIS).toInstant();
        } catch (DateTimeParseException e) {
            throw PowensError.invalidValue("last_update must be YYYY-MM-DD HH:MM:SS.");
        }
    }

    private static int number(@Nullable String raw, int fallback, String name) {
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw PowensError.invalidValue(name + " must be a number.");
        }
    }
}
