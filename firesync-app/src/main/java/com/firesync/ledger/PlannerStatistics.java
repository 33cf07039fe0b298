package com.firesync.ledger;

import com.firesync.runtime.DatabaseKind;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps PostgreSQL's planner statistics current after bulk writes. A backfill adds hundreds of thousands of rows in
 * minutes; until the tables are analyzed the planner still sees them nearly empty, and a query planned meanwhile (the
 * transfer marking of a two-year span joins the ledger with itself) can run for minutes instead of seconds.
 * Autovacuum analyzes them eventually, a minute or more later, and not at all where an operator turned it off. So
 * FireSync counts the ledger rows it inserts, and once they reach {@link #BULK_ROWS} and more than half of the rows the
 * planner believes the ledger holds (a table that doubled, say: its row counts are then never off by more than that),
 * it analyzes the ledger, and with it the other tables in which more rows changed since their last analysis than half
 * of what they hold. It does so in the writing thread before the write announces its change, so that the analytics
 * pass the change starts plans on the new figures. Writes add up: a backfill of a few thousand rows in pages of a few
 * hundred is as bulk as one batch of them. Its own count rather than PostgreSQL's activity figures: those reach
 * {@code pg_stat_user_tables} only some time after the writer's commit, after that analytics pass has planned. One
 * thread per instance analyzes at a time; the others write on. H2 keeps its own statistics as rows are written:
 * nothing to do there.
 */
final class PlannerStatistics {

    /** Ledger rows inserted since the ledger was last analyzed before it is analyzed again, at the least. */
    static final int BULK_ROWS = 1_000;

    private static final String LEDGER = "transactions";

    /**
     * A table is stale once more rows changed since its last analysis than {@code STALE_ROWS} plus
     * {@code STALE_SHARE} of the rows it holds (autovacuum's own rule with a larger share, as FireSync's writes come in
     * bulk).
     */
    private static final int STALE_ROWS = 50;

    private static final double STALE_SHARE = 0.5;

    /**
     * A table analyzed this recently is left alone by {@link #analyzeStale()}: the activity counts of the rows it was
     * just analyzed for reach {@code pg_stat_user_tables} seconds later, and would make it look stale again.
     */
    private static final String RECENTLY = "1 minute";

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final @Nullable JdbcClient jdbc;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Ledger rows this instance inserted since it last analyzed the ledger. */
    private final AtomicLong sinceAnalyzed = new AtomicLong();

    /**
     * How many of those rows the next check waits for: {@link #BULK_ROWS}, or as many as would leave the ledger stale
     * when the last check found it was not, so that a large ledger's incremental writes do not check on every write.
     */
    private final AtomicLong checkAt = new AtomicLong(BULK_ROWS);

    private PlannerStatistics(@Nullable JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static PlannerStatistics of(@Nullable DatabaseKind database, JdbcClient jdbc) {
        return new PlannerStatistics(database == DatabaseKind.POSTGRESQL ? jdbc : null);
    }

    /**
     * After a write committed {@code inserted} new ledger rows: analyzes the ledger and the stale tables first if the
     * rows inserted since the last analysis outgrew what the planner knows.
     */
    void written(int inserted) {
        if (jdbc == null || sinceAnalyzed.addAndGet(inserted) < checkAt.get() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            long inserts = sinceAnalyzed.get();
            double planned = jdbc
                    .sql("SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = CAST(:table AS regclass)")
                    .param("table", LEDGER)
                    .query(Double.class)
                    .single();
            if (inserts > stale(planned)) {
                jdbc.sql("ANALYZE " + LEDGER).update();
                sinceAnalyzed.addAndGet(-inserts);
                checkAt.set(Math.max(BULK_ROWS, stale(planned + inserts) + 1));
                log.debug("Analyzed the ledger after {} new rows", inserts);
            } else {
                checkAt.set(Math.max(BULK_ROWS, stale(planned) + 1));
            }
            analyzeStale(jdbc);
        } catch (RuntimeException e) {
            // the next bulk write tries again; meanwhile queries run on the older statistics
            log.warn("Could not refresh the planner's statistics: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** Rows changed since a table's last analysis past which its statistics are stale, for {@code rows} rows. */
    private static long stale(double rows) {
        return STALE_ROWS + (long) (STALE_SHARE * rows);
    }

    /**
     * Analyzes FireSync's stale tables (more rows changed since their last analysis than {@link #stale(double)} of
     * what they hold now) but those analyzed in the last minute.
     */
    private void analyzeStale(JdbcClient jdbc) {
        List<String> stale = jdbc.sql("""
                SELECT relname FROM pg_stat_user_tables
                WHERE schemaname = current_schema() AND n_mod_since_analyze > :rows + :share * n_live_tup
                  AND COALESCE(GREATEST(last_analyze, last_autoanalyze), '-infinity')
                      < now() - CAST(:recently AS interval)
                ORDER BY n_mod_since_analyze DESC""")
                .param("rows", STALE_ROWS)
                .param("share", STALE_SHARE)
                .param("recently", RECENTLY)
                .query((rs, row) -> Objects.requireNonNull(rs.getString(1)))
                .list();
        for (String table : stale) {
            jdbc.sql("ANALYZE \"" + table.replace("\"", "\"\"") + "\"").update();
        }
        if (!stale.isEmpty()) {
            log.debug("Analyzed {} after a bulk write", stale);
        }
    }
}
