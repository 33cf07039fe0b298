package com.firesync.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a series is cut: by day, by week (Monday to Sunday) or by calendar month. */
public enum Interval {
    DAY, WEEK, MONTH;

    @JsonValue
    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The periods between two days, the first and last clipped to them. */
    List<Period> periods(LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = switch (this) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            };
            if (end.isAfter(to)) {
                end = to;
            }
            periods.add(new Period(start, end));
            start = end.plusDays(1);
        }
        return periods;
    }

    /** A period of days, both ends included. */
    record Period(LocalDate from, LocalDate to) {

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }
}
