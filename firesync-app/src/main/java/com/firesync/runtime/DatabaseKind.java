package com.firesync.runtime;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The two databases FireSync runs on. The embedded H2 runs in PostgreSQL mode so that one set of migrations and
 * queries serves both.
 */
public enum DatabaseKind {
    H2, POSTGRESQL;

    /**
     * Options appended to every embedded H2 URL FireSync builds. {@code WRITE_DELAY=0}: every commit is written to the
     * file before it returns (H2's default writes commits up to half a second later, so a killed process lost them).
     */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0";

    /**
     * The database a JDBC URL points at, or {@code null} for one FireSync does not support.
     */
    public static @Nullable DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return jdbcUrl.startsWith("jdbc:h2:") ? H2 : null;
    }

    /**
     * The database the application's data source points at ({@code spring.datasource.url}).
     */
    public static @Nullable DatabaseKind configured(Environment environment) {
        return of(environment.getProperty("spring.datasource.url", ""));
    }
}
