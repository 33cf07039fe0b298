package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PowensTimeTests {

    private final PowensTime time = new PowensTime(ZoneId.of("Europe/Paris"));

    @Test
    void readsNaiveTimestampsAsParisWallClockInWinterAndSummer() {
        assertThat(time.instant("2026-01-15 10:00:00")).isEqualTo(Instant.parse("2026-01-15T09:00:00Z"));
        assertThat(time.instant("2026-07-15 10:00:00")).isEqualTo(Instant.parse("2026-07-15T08:00:00Z"));
    }

    @Test
    void movesAWallClockTimeInTheSpringGapPastTheGap() {
        // 2026-03-29 02:30 does not exist in Paris: clocks jump from 02:00 to 03:00 (01:00 UTC)
        assertThat(time.instant("2026-03-29 02:30:00")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void readsTheRepeatedAutumnHourAsItsEarlierInstant() {
        assertThat(time.instant("2026-10-25 02:30:00")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void acceptsATSeparatorFractionsAndOffsets() {
        assertThat(time.instant("2026-01-15T10:00:00.250")).isEqualTo(Instant.parse("2026-01-15T09:00:00.250Z"));
        assertThat(time.instant("2026-01-15T10:00:00Z")).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(time.instant("2026-01-15 10:00:00+02:00")).isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
    }

    @Test
    void keepsTheWallClockValueAsPowensSentIt() {
        assertThat(time.wallClock("2026-01-15 10:00:00")).isEqualTo(LocalDateTime.parse("2026-01-15T10:00:00"));
        assertThat(time.wallClock("2026-01-15T09:00:00Z")).isEqualTo(LocalDateTime.parse("2026-01-15T10:00:00"));
    }

    @Test
    void writesACursorBackInParisWallClock() {
        assertThat(time.format(Instant.parse("2026-07-15T08:00:00Z"))).isEqualTo("2026-07-15 10:00:00");
        assertThat(time.format(Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo("2026-10-25 02:30:00");
    }

    @Test
    void roundTripsThroughTheAutumnChange() {
        Instant cursor = Instant.parse("2026-10-25T00:59:59Z");
        assertThat(time.instant(time.format(cursor))).isEqualTo(cursor);
    }

    @Test
    void treatsBlankAsAbsentAndGarbageAsMalformed() {
        assertThat(time.instant(null)).isNull();
        assertThat(time.instant(" ")).isNull();
        assertThatThrownBy(() -> time.instant("yesterday")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void readsEveryMinuteOfAYearAsTheIsoReadingDoes() {
        // seconds never zero, so the ISO text always has them: the 19 characters Powens sends
        for (LocalDateTime wall = LocalDateTime.parse("2026-01-01T00:00:07"); wall.getYear() == 2026; wall = wall
                .plusMinutes(7)) {
            String naive = wall.getMinute() % 2 == 0 ? wall.toString().replace('T', ' ') : wall.toString();
            assertThat(time.wallClock(naive)).as(naive).isEqualTo(wall);
        }
    }

    @Test
    void refusesANaiveTimestampOutOfRange() {
        assertThatThrownBy(() -> time.instant("2026-13-01 10:00:00")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> time.instant("2026-01-15 25:00:00")).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> time.instant("2026-01-15 1a:00:00")).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void readsDatesAndCutsTimestampsToTheirDate() {
        assertThat(PowensTime.date("2026-03-01")).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(PowensTime.date("2026-03-01 00:00:00")).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(PowensTime.date(null)).isNull();
        assertThatThrownBy(() -> PowensTime.date("03/01/2026")).isInstanceOf(MalformedResponseException.class);
    }
}
