package com.firesync.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One account's balance at the end of any day, from the balances stored at its syncs and its booked rows per day
 * (before its first row, its reconstructed opening balance).
 * <p>
 * An account whose rows explain its balance is reckoned from its latest stored balance alone: any earlier day is it
 * minus what was booked after the day. An earlier stored balance would be wrong twice over: it was taken during its
 * day (rows booked later that day are not in it, but are in the rows), and it reflects old rows as they were then
 * (a bank that corrects or withdraws an old row changes every balance since, as its own figures show now).
 * <p>
 * An investment account's stored balance is its valuation, which its rows do not explain: on a day after a stored
 * valuation it is the latest valuation plus the rows booked since; before the first, that valuation minus the rows.
 */
final class BalanceHistory {

    private final NavigableMap<LocalDate, BigDecimal> stored = new TreeMap<>();

    /** The sum of every row booked on or before each day that has rows. */
    private final NavigableMap<LocalDate, BigDecimal> cumulated = new TreeMap<>();

    private final boolean valued;

    BalanceHistory(boolean valued) {
        this.valued = valued;
    }

    /** Adds a day's booked rows; days are added oldest first. */
    void flow(LocalDate day, BigDecimal flow) {
        BigDecimal before = cumulated.isEmpty() ? BigDecimal.ZERO : cumulated.lastEntry().getValue();
        cumulated.put(day, before.add(flow));
    }

    void stored(LocalDate day, BigDecimal balance) {
        stored.put(day, balance);
    }

    /**
     * The balance at the end of {@code day}; {@code null} without any stored balance. The rows added must cover the
     * days between {@code day} and the stored balance it is computed from.
     */
    @Nullable
    BigDecimal at(LocalDate day) {
        if (stored.isEmpty()) {
            return null;
        }
        if (!valued) {
            Map.Entry<LocalDate, BigDecimal> latest = stored.lastEntry();
            return day.isBefore(latest.getKey())
                    ? latest.getValue().subtract(sum(day, latest.getKey()))
                    : latest.getValue().add(sum(latest.getKey(), day));
        }
        Map.Entry<LocalDate, BigDecimal> before = stored.floorEntry(day);
        Map.Entry<LocalDate, BigDecimal> after = stored.ceilingEntry(day);
        if (after != null && before == null) {
            return after.getValue().subtract(sum(day, after.getKey()));
        }
        Map.Entry<LocalDate, BigDecimal> latest = Objects.requireNonNull(before);
        return latest.getValue().add(sum(latest.getKey(), day));
    }

    /** What was booked after {@code from} up to and including {@code to}. */
    private BigDecimal sum(LocalDate from, LocalDate to) {
        return upTo(to).subtract(upTo(from));
    }

    private BigDecimal upTo(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = cumulated.floorEntry(day);
        return entry == null ? BigDecimal.ZERO : entry.getValue();
    }
}
