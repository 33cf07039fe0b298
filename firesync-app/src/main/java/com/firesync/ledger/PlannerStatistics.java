package com.firesync.ledger;

import com.firesync.runtime.DatabaseKind;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps PostgreSQL's planner statistics current after bulk writes. A backfill adds hundreds of thousands of rows in
 * minutes; until the tables are analyzed the planner still sees them nearly empty, and a query planned meanwhile (the
 * transfer marking of a two-year span joins the ledger with itself) can run for minutes instead of seconds.
 * Autovacuum analyzes them eventually, a minute or more later, and not at all where an operator turned it off. So
 * after a write that inserted many rows FireSync analyzes its tables in which more rows changed since their last
 * analysis than half of what they hold now (a table that doubled, say: the planner's row counts are then never off
 * by more than that), in the writing thread before it announces the change, so that the analytics pass the change
 * starts plans on the new figures. One thread per instance analyzes at a time; the others write on. H2 keeps its own
 * statistics as rows are written: nothing to do there.
 */
final class PlannerStatistics {

    /** Rows a write must insert before the statistics are checked: an incremental sync's few never trigger it. */
    static final int BULK_ROWS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final @Nullable JdbcClient jdbc;

    private final AtomicBoolean running = new AtomicBoolean();

    private PlannerStatistics(@Nullable JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static PlannerStatistics of(@Nullable DatabaseKind database, JdbcClient jdbc) {
        return new PlannerStatistics(database == DatabaseKind.POSTGRESQL ? jdbc : null);
    }

    /** After a write committed {@code inserted} new rows: analyzes the stale tables first if it was bulk. */
    void written(int inserted) {
        if (jdbc == null || inserted < BULK_ROWS || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            analyzeStale();
        } catch (RuntimeException e) {
            // the next bulk write tries again; meanwhile queries run on the older statistics
            log.warn("Could not refresh the planner's statistics: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    /**
     * Analyzes FireSync's tables in which more rows changed since their last analysis than 50 plus half of what they
     * hold now, and answers their names.
     */
    List<String> analyzeStale() {
        if (jdbc == null) {
            return List.of();
        }
        List<String> stale = jdbc.sql("""
                SELECT relname FROM pg_stat_user_tables
                WHERE schemaname = current_schema() AND n_mod_since_analyze > 50 + 0.5 * n_live_tup
                ORDER BY n_mod_since_analyze DESC""")
                .query((rs, row) -> Objects.requireNonNull(rs.getString(1)))
                .list();
        for (String table : stale) {
            jdbc.sql("ANALYZE \"" + table.replace("\"", "\"\"") + "\"").update();
        }
        if (!stale.isEmpty()) {
            log.debug("Analyzed {} after a bulk write", stale);
        }
        return stale;
    }
}
