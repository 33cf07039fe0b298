package com.firesync.events;

import com.firesync.runtime.DatabaseKind;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells when an id missing from the log will never come: its transaction rolled back rather than not committed yet.
 * On PostgreSQL exactly: every event is inserted by a transaction that has its transaction id before it takes the
 * event's id ({@link EventLog#append}), so the transaction that holds a missing id had its transaction id before the
 * gap was seen. When the gap is seen, a fresh transaction id is drawn: every transaction id below it was assigned
 * already, so once the oldest running transaction ({@code pg_snapshot_xmin}) is at or past it, the missing id is gone
 * for good. (A snapshot's {@code xmax} would not do: it is one past the latest <em>completed</em> transaction, and a
 * transaction assigned its id before the gap but after the latest completion lies above it, unlisted.) A bound on
 * the wait keeps a stuck transaction from holding the streams forever. On H2 (one instance) after {@code gapGrace}.
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

    /** Notes the moment a gap is seen, and on PostgreSQL a transaction id drawn then. */
    Gap seen() {
        long drawn = postgres
                ? Long.parseLong(jdbc.sql("SELECT CAST(pg_current_xact_id() AS TEXT)").query(String.class).single())
                : 0;
        return new Gap(System.nanoTime(), drawn);
    }

    /** Whether the gap may be passed: what could fill it has ended, or the wait is over its bound. */
    boolean settled(Gap gap) {
        long waited = System.nanoTime() - gap.seenAt();
        if (!postgres) {
            return waited >= grace.toNanos();
        }
        return waited >= grace.multipliedBy(BOUND).toNanos() || oldestRunning() >= gap.drawn();
    }

    private long oldestRunning() {
        return Long.parseLong(jdbc.sql("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT)")
                .query(String.class)
                .single());
    }

    /**
     * A gap as it was when first seen.
     *
     * @param drawn on PostgreSQL, a transaction id drawn when it was seen: every lower one was assigned by then
     */
    record Gap(long seenAt, long drawn) {
    }
}
