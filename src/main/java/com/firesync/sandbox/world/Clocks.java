package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

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

    static Instant paris(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(PARIS).toInstant();
    }
}
