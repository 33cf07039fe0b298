package com.firesync.sandbox.world;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The bank world lives on Paris wall-clock time, as Powens does: operation days and naive timestamps are Paris ones.
 */
public final class Clocks {

    /** Powens' time zone for naive timestamps. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Clocks() {
    }

    public static LocalDate parisDate(Instant instant) {
        return instant.atZone(PARIS).toLocalDate();
    }

    /** An instant as Powens shows it: whole seconds. */
    static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The day a booking made on {@code day} lands on: banks do not book on Sundays. */
    static LocalDate bookingDay(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    static Instant paris(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(PARIS).toInstant();
    }
}
