package com.firesync.ledger;

import com.firesync.runtime.DatabaseKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps PostgreSQL's planner statistics current after bulk writes. A backfill adds hundreds of thousands of rows in
 * minutes; until the tables are analyzed the planner still sees them nearly empty, and a query planned meanwhile (the
 * transfer marking of a two-year span joins the ledger with itself) can run for minutes instead of seconds.
 * Autovacuum analyzes them eventually, a minute or more later, and not at all where an operator turned it off. So
 * FireSync counts the ledger rows it inserts, and analyzes the ledger, and with it the other tables in which more rows
 * changed since their last analysis than half of what they hold, when either
 * <ul>
 * <li>they reach {@link #BULK_ROWS} and more than half of the rows the planner believes the ledger holds (a table that
 * doubled, say: its row counts are then never off by more than that), or
 * <li>one user's reach {@link #BULK_ROWS} and more than twice the rows the planner expects of that user (checked
 * again each time they outgrow twice its estimate): a user who links a bank in a household whose ledger is already
 * large, or while others' first syncs are being written (an analysis that ran before their rows were committed saw
 * none of them), is planned for as if they held a row or two, and their analytics pass joins their ledger with itself
 * row by row, seconds per statement.
 * </ul>
 * It does so in the writing thread before the write announces its change, so that the analytics pass the change
 * starts plans on the new figures; a writer whose user the planner does not know and that finds another analysis
 * running waits for it, then asks again, as that analysis may have begun before its rows were committed (the others
 * write on). Writes add up: a backfill of a few thousand rows in pages of a few hundred is as bulk as one batch of
 * them. Its own count rather than PostgreSQL's activity figures: those reach {@code pg_stat_user_tables} only some
 * time after the writer's commit, after that analytics pass has planned. H2 keeps its own statistics as rows are
 * written: nothing to do there.
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
     * How many users' counts are kept between two analyses: past it, the counts start again (only a bulk writer's
     * count matters, and it reaches {@link #BULK_ROWS} within one sync), so that many users' small writes cost no
     * memory.
     */
    static final int USERS_COUNTED = 10_000;

    /** The planner's row estimate in the first line of an {@code EXPLAIN}. */
    private static final Pattern ESTIMATED_ROWS = Pattern.compile("rows=(\\d+)");

    /**
     * A table analyzed this recently is left alone by {@link #analyzeStale()}: the activity counts of the rows it was
     * just analyzed for reach {@code pg_stat_user_tables} seconds later, and would make it look stale again.
     */
    private static final String RECENTLY = "1 minute";

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final @Nullable JdbcClient jdbc;

    /**
     * Held while this instance checks or analyzes, one at a time: a writer whose user the planner does not know waits
     * and asks again after it, the others write on.
     */
    private final ReentrantLock analyzing = new ReentrantLock();

    /** Ledger rows this instance inserted since it last analyzed the ledger. */
    private final AtomicLong sinceAnalyzed = new AtomicLong();

    /** The same, per user (at most {@link #USERS_COUNTED} of them). */
    private final Map<Long, UserRows> users = new ConcurrentHashMap<>();

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
     * After a write committed {@code inserted} new ledger rows of a user: analyzes the ledger and the stale tables
     * first if the rows inserted since the last analysis outgrew what the planner knows of the ledger or of the user.
     */
    void written(long userId, int inserted) {
        if (jdbc == null || inserted <= 0) {
            return;
        }
        long all = sinceAnalyzed.addAndGet(inserted);
        if (users.size() >= USERS_COUNTED) {
            users.clear();
        }
        users.merge(userId, new UserRows(inserted, BULK_ROWS), UserRows::plus);
        try {
            if (!plannerKnows(jdbc, userId)) {
                // the user's analytics pass would be planned for a row or two: it waits for an analysis that sees them
                analyzing.lock();
                try {
                    if (!plannerKnows(jdbc, userId)) {
                        analyze(jdbc);
                    }
                } finally {
                    analyzing.unlock();
                }
            } else if (all >= checkAt.get() && analyzing.tryLock()) {
                // one analysis at a time; the others write on
                try {
                    checkLedger(jdbc);
                } finally {
                    analyzing.unlock();
                }
            }
        } catch (RuntimeException e) {
            // the next bulk write tries again; meanwhile queries run on the older statistics
            log.warn("Could not refresh the planner's statistics: {}", e.toString());
        }
    }

    /**
     * Whether the planner expects at least half of a user's rows inserted since the last analysis, asked once they
     * are due; if it does, it is asked again once they outgrow twice its estimate.
     */
    private boolean plannerKnows(JdbcClient jdbc, long userId) {
        UserRows mine = users.get(userId);
        if (mine == null || !mine.due()) {
            return true;
        }
        long planned = plannedRows(jdbc, userId);
        if (2 * planned < mine.rows()) {
            return false;
        }
        users.computeIfPresent(userId, (same, now) -> now.checkAt(2 * planned + 1));
        return true;
    }

    private void checkLedger(JdbcClient jdbc) {
        if (sinceAnalyzed.get() > stale(plannedLedger(jdbc))) {
            analyze(jdbc);
        } else {
            checkAt.set(Math.max(BULK_ROWS, stale(plannedLedger(jdbc)) + 1));
            analyzeStale(jdbc);
        }
    }

    /** Analyzes the ledger, then the other stale tables. */
    private void analyze(JdbcClient jdbc) {
        // counted after their commits: the analysis, starting now, sees every row counted so far
        long inserts = sinceAnalyzed.get();
        Map<Long, UserRows> counted = Map.copyOf(users);
        double planned = plannedLedger(jdbc);
        jdbc.sql("ANALYZE " + LEDGER).update();
        sinceAnalyzed.addAndGet(-inserts);
        counted.forEach((user, rows) -> users.computeIfPresent(user, (same, now) -> now.minus(rows.rows())));
        checkAt.set(Math.max(BULK_ROWS, stale(planned + inserts) + 1));
        log.debug("Analyzed the ledger after {} new rows", inserts);
        analyzeStale(jdbc);
    }

    /** How many rows the planner believes the ledger holds. */
    private static double plannedLedger(JdbcClient jdbc) {
        return jdbc.sql("SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = CAST(:table AS regclass)")
                .param("table", LEDGER)
                .query(Double.class)
                .single();
    }

    /**
     * A user's ledger rows inserted since the last analysis, and how many of them the next check of what the planner
     * knows of the user waits for.
     */
    private record UserRows(long rows, long checkAt) {

        static final UserRows NONE = new UserRows(0, BULK_ROWS);

        boolean due() {
            return rows >= checkAt;
        }

        UserRows plus(UserRows more) {
            return new UserRows(rows + more.rows, checkAt);
        }

        /** What is left after an analysis that saw {@code analyzed} of them: {@code null} when nothing is. */
        @Nullable
        UserRows minus(long analyzed) {
            return rows > analyzed ? new UserRows(rows - analyzed, BULK_ROWS) : null;
        }

        UserRows checkAt(long rows) {
            return new UserRows(this.rows, Math.max(BULK_ROWS, rows));
        }
    }

    /** How many ledger rows the planner expects of a user. */
    private static long plannedRows(JdbcClient jdbc, long userId) {
        // a literal, as a bound value would be planned for any user; an id is a number, nothing to escape
        String plan = jdbc.sql("EXPLAIN SELECT 1 FROM " + LEDGER + " WHERE user_id = " + userId)
                .query(String.class)
                .list()
                .getFirst();
        Matcher rows = ESTIMATED_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
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
