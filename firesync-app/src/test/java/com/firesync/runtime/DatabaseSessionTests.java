package com.firesync.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.DbTime;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests run with a database session time zone far from UTC, and instants and dates survive it unchanged.
 */
@FireSyncTest
class DatabaseSessionTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void sessionTimeZoneIsNotUtc() {
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now())).isNotEqualTo(ZoneOffset.UTC);
        if (TestDatabase.isPostgres()) {
            assertThat(jdbc.sql("SELECT current_setting('TimeZone')").query(String.class).single())
                    .isEqualTo(ZoneId.systemDefault().getId());
        }
    }

    @Test
    void instantsAndDatesRoundTripExactly() {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z");
        LocalDate date = LocalDate.of(2026, 3, 29);
        jdbc.sql("INSERT INTO app_flags (name, set_at) VALUES ('probe', :at)").param("at", DbTime.param(instant))
                .update();

        Instant read = jdbc.sql("SELECT set_at FROM app_flags WHERE name = 'probe'")
                .query((rs, row) -> DbTime.read(rs, "set_at"))
                .single();
        LocalDate readDate = jdbc.sql("SELECT CAST(:d AS DATE)").param("d", date).query(LocalDate.class).single();

        assertThat(read).isEqualTo(instant);
        assertThat(readDate).isEqualTo(date);
    }
}
