package com.firesync.events;

import com.firesync.runtime.DatabaseKind;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells when an id missing from the log will never come: its transaction rolled back rather than not committed yet.
 * On PostgreSQL exactly: every event is inserted by a transaction that wrote before (so it has its transaction id), so
 * once every transaction running when the gap was seen has ended ({@code pg_snapshot_xmin} past the {@code xmax} of
 * the snapshot taken then), a missing id is gone for good; a bound on the wait keeps a stuck transaction from holding
 * the streams forever. On H2 (one instance) after {@code gapGrace}.
 */
@Component
class GapWitness {

    /** On PostgreSQL, the longest a gap is waited for, in multiples of {@code gapGrace}. */
    private static final int BOUND = 15;

    private final JdbcClient jdbc;

    private final Duration grace;

    private final boolean postgres;

    GapWitness(JdbcClient jdbc, EventSettings settings, Environment environment) {
        this.jdbc = jdbc;
        this.grace = settings.gapGrace();
        this.postgres = DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL;
    }

    /** Notes the moment a gap is seen. */
    Gap seen() {
        long xmax = postgres ? snapshot("pg_snapshot_xmax") : 0;
        return new Gap(System.nanoTime(), xmax);
    }

    /** Whether the gap may be passed: what could fill it has ended, or the wait is over its bound. */
    boolean settled(Gap gap) {
        long waited = System.nanoTime() - gap.seenAt();
        if (!postgres) {
            return waited >= grace.toNanos();
        }
        return waited >= grace.multipliedBy(BOUND).toNanos() || snapshot("pg_snapshot_xmin") >= gap.xmax();
    }

    private long snapshot(String function) {
        return Long.parseLong(jdbc.sql("SELECT CAST(" + function + "(pg_current_snapshot()) AS TEXT)")
                .query(String.class)
                .single());
    }

    /** A gap as it was when first seen. */
    record Gap(long seenAt, long xmax) {
    }
}
