package com.firesync.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * How instants cross JDBC: as {@link OffsetDateTime} in UTC, the one type both PostgreSQL's and H2's drivers map to
 * {@code TIMESTAMP WITH TIME ZONE} without consulting the session time zone.
 */
public final class DbTime {

    private DbTime() {
    }

    /** An instant as a database timestamp parameter (UTC offset). */
    public static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable OffsetDateTime param(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
