package com.firesync.provider.powens;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;

/**
 * Powens' naive timestamps ({@code YYYY-MM-DD HH:MM:SS}, no zone). {@code last_update}, {@code deleted},
 * {@code disabled}, {@code date_scraped} and {@code created} are wall-clock times in Powens' zone (Europe/Paris, as
 * production connectors found), so they become instants through that zone and a {@code last_update} filter is
 * written back in it. A {@code T} separator, fractional seconds and an explicit offset are accepted too. In the
 * autumn hour that occurs twice the earlier instant is chosen; a cursor minus its safety overlap absorbs that.
 */
final class PowensTime {

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final ZoneId zone;

    PowensTime(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The instant a Powens timestamp denotes, or {@code null} for an absent one.
     *
     * @throws MalformedResponseException when the text is not a timestamp
     */
    @Nullable
    Instant instant(@Nullable String text) {
        TemporalAccessor parsed = parse(text);
        if (parsed == null) {
            return null;
        }
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((LocalDateTime) parsed).atZone(zone).toInstant();
    }

    /**
     * The wall-clock value in Powens' zone, as Powens would send it.
     */
    @Nullable
    LocalDateTime wallClock(@Nullable String text) {
        TemporalAccessor parsed = parse(text);
        if (parsed instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDateTime();
        }
        return (LocalDateTime) parsed;
    }

    /**
     * An instant as a Powens {@code last_update} filter value.
     */
    String format(Instant instant) {
        return NAIVE.format(LocalDateTime.ofInstant(instant, zone));
    }

    /**
     * A Powens date ({@code YYYY-MM-DD}; a timestamp is cut to its date), or {@code null} for an absent one.
     */
    @Nullable
    static LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                // the common shape, read without the formatter: a sync reads four dates per transaction
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 2);
                int day = digits(text, 8, 2);
                if ((year | month | day) >= 0) {
                    return LocalDate.of(year, month, day);
                }
            }
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeException e) {
            throw new MalformedResponseException("a date field is not a date", e);
        }
    }

    private static @Nullable TemporalAccessor parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDateTime naive = naive(text);
            return naive != null ? naive : LENIENT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            throw new MalformedResponseException("a timestamp field is not a timestamp", e);
        }
    }

    /**
     * The common shape, {@code YYYY-MM-DD HH:MM:SS} (or with a {@code T}), read without the formatter: a sync reads
     * several per transaction. {@code null} for any other shape, which the lenient formatter reads.
     *
     * @throws DateTimeException when the shape holds a value out of range (month 13)
     */
    private static @Nullable LocalDateTime naive(String text) {
        if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The decimal number of {@code length} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
