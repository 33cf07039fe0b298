package com.firesync.provider.enablebanking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The period a transaction listing asks for: from {@code date_from} ({@code null}: none sent, the bank's default),
 * with Enable Banking's {@code strategy=longest} (the longest period the bank allows from {@code date_from}) or not.
 * A bank may refuse a period longer than it keeps open (about 90 days at many banks): {@link #fallbacks} are the
 * shorter periods tried then, in order, each listing counted as one by the banks.
 */
record ListingPeriod(@Nullable LocalDate from, boolean longest) {

    /** The fixed windows tried last, in days before today (those of Sure's client, proven against real banks). */
    private static final List<Integer> WINDOWS = List.of(89, 60, 30);

    static ListingPeriod asked(@Nullable LocalDate from) {
        return new ListingPeriod(from, false);
    }

    /** The query parameters of the period, without a leading {@code &}. */
    String query() {
        String date = from == null ? "" : "date_from=" + from;
        return longest ? date + (date.isEmpty() ? "" : "&") + "strategy=longest" : date;
    }

    /**
     * The periods to try once the bank refused this one, in order: the corrected {@code date_from} Enable Banking
     * gave, if it starts later; the longest period the bank allows from the asked day; then 89, 60 and 30 days, each
     * starting later than every dated period before it. Finite, so a bank that refuses them all ends the listing.
     */
    List<ListingPeriod> fallbacks(@Nullable LocalDate corrected, LocalDate today) {
        List<ListingPeriod> next = new ArrayList<>();
        LocalDate latest = from;
        if (corrected != null && (from == null || corrected.isAfter(from)) && !corrected.isAfter(today)) {
            next.add(asked(corrected));
            latest = corrected;
        }
        if (!longest) {
            next.add(new ListingPeriod(from, true));
        }
        for (int days : WINDOWS) {
            LocalDate window = today.minusDays(days);
            if (latest == null || window.isAfter(latest)) {
                next.add(asked(window));
                latest = window;
            }
        }
        return next;
    }

    /**
     * The first day this period covered, as far as FireSync can tell: its {@code date_from}, or for the longest
     * period (whose start the bank does not say) the earliest day listed, and the day after today when it listed
     * nothing. {@code null} when it sent no {@code date_from}.
     */
    @Nullable
    LocalDate coveredFrom(@Nullable LocalDate earliestListed, LocalDate today) {
        if (!longest) {
            return from;
        }
        return earliestListed == null ? today.plusDays(1) : earliestListed;
    }

    /** The earlier of two days, either of which may be missing. */
    static @Nullable LocalDate earlier(@Nullable LocalDate a, @Nullable LocalDate b) {
        return a == null || b != null && b.isBefore(a) ? b : a;
    }
}
