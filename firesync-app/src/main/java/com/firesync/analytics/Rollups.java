package com.firesync.analytics;

import com.firesync.ledger.LedgerChanged;
import com.firesync.ledger.Transfers;
import com.firesync.shared.UserLocks;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the transfer marks and the daily and monthly roll-ups per account ({@code account_days},
 * {@code category_days}, and their sums per month {@code account_months}, {@code category_months}) of the ledger: each {@link LedgerChanged} of the write path brings the days it names up to date after its commit, on a
 * worker thread of its own (changes waiting meanwhile are merged), so that neither the write's transaction nor the
 * sync waits for it; readers call {@link #settle} with {@code waitForTurn} first, so an answer includes every write
 * committed before it; {@link #rebuild} recomputes a
 * user's from scratch and gives the same rows.
 */
@Service
public class Rollups {

    private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);

    /** The types whose rows are neither income nor expenses (see {@link AccountKind#countsCashFlow()}). */
    private static final String NO_CASH_FLOW = Stream.concat(Stream.of("loan"), AccountKind.INVESTMENT_TYPES.stream())
            .sorted()
            .map(type -> "'" + type + "'")
            .collect(Collectors.joining(", "));

    private static final String COUNTED = "td.debit_id IS NULL AND tc.credit_id IS NULL AND COALESCE(a.type, '') NOT IN ("
            + NO_CASH_FLOW + ")";

    private static final String ROWS = """
            FROM transactions t
            JOIN accounts a ON a.id = t.account_id
            LEFT JOIN transfers td ON td.debit_id = t.id
            LEFT JOIN transfers tc ON tc.credit_id = t.id
            WHERE t.user_id = :user AND t.booked_date BETWEEN :from AND :to AND t.deleted_at IS NULL
              AND t.pending = FALSE %s""";

    private static final String ACCOUNT_DAYS = """
            INSERT INTO account_days (account_id, booked_on, user_id, currency, flow, income, expenses, transfers)
            SELECT t.account_id, t.booked_date, :user, MIN(a.currency), SUM(t.amount),
                   SUM(CASE WHEN %1$s AND t.amount > 0 THEN t.amount ELSE 0 END),
                   SUM(CASE WHEN %1$s AND t.amount < 0 THEN -t.amount ELSE 0 END),
                   SUM(CASE WHEN td.debit_id IS NULL AND tc.credit_id IS NULL THEN 0 ELSE 1 END)
            %2$s
            GROUP BY t.account_id, t.booked_date""";

    private static final String CATEGORY_DAYS = """
            INSERT INTO category_days (account_id, booked_on, category_id, user_id, currency, income, expenses)
            SELECT t.account_id, t.booked_date, COALESCE(t.category_id, 0), :user, MIN(a.currency),
                   SUM(CASE WHEN t.amount > 0 THEN t.amount ELSE 0 END),
                   SUM(CASE WHEN t.amount < 0 THEN -t.amount ELSE 0 END)
            %2$s AND %1$s
            GROUP BY t.account_id, t.booked_date, COALESCE(t.category_id, 0)""";

    /** The month a day belongs to, as its first day (H2 and PostgreSQL alike). */
    private static final String MONTH_OF_DAY = "CAST(DATE_TRUNC('MONTH', booked_on) AS DATE)";

    private static final String ACCOUNT_MONTHS = """
            INSERT INTO account_months (account_id, month_start, user_id, currency, income, expenses, transfers)
            SELECT account_id, %1$s, :user, MIN(currency), SUM(income), SUM(expenses), SUM(transfers)
            FROM account_days
            WHERE user_id = :user AND booked_on BETWEEN :from AND :to %2$s
            GROUP BY account_id, %1$s""";

    private static final String CATEGORY_MONTHS = """
            INSERT INTO category_months (account_id, month_start, category_id, user_id, currency, income, expenses)
            SELECT account_id, %1$s, category_id, :user, MIN(currency), SUM(income), SUM(expenses)
            FROM category_days
            WHERE user_id = :user AND booked_on BETWEEN :from AND :to %2$s
            GROUP BY account_id, %1$s, category_id""";

    /** The most days one statement of a pass re-marks or recomputes; a longer pass goes in slices. */
    static final int SLICE_DAYS = 31;

    /** How long a user's ledger goes without a change before the worker applies the user's changes. */
    static final Duration QUIET = Duration.ofSeconds(1);

    /**
     * The longest the worker lets a user's changes wait while more keep coming: longer than a backfill of a million
     * rows takes, whose passes meanwhile would each re-mark the history written so far (and take the database from the
     * backfill: it ran a quarter slower beside them), only for the next pass to do it again.
     */
    static final Duration MOST_DELAY = Duration.ofMinutes(2);

    private final JdbcClient jdbc;

    private final Transfers transfers;

    private final Clock clock;

    private final TransactionTemplate ownTransaction;

    /** A user's turn, held only while some thread is in {@link #settle} for them: users never seen again cost nothing. */
    private final Map<Long, Turn> turns = new ConcurrentHashMap<>();

    private final Map<Long, PendingChange> pending = new ConcurrentHashMap<>();

    /** Per user with changes waiting for the worker: when the first and the last of them came. */
    private final Map<Long, Burst> bursts = new ConcurrentHashMap<>();

    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform()
            .name("analytics-rollups")
            .daemon()
            .factory());

    Rollups(JdbcClient jdbc, Transfers transfers, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // at shutdown, the changes still waiting are dropped with them (see stop)
        this.worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Once a change of the ledger is committed, in a transaction of its own: marks again the transfers it may move,
     * then recomputes the roll-ups of its account and of the accounts whose marks moved, around its days. A failure
     * is logged and leaves those days behind until they change again or a rebuild; it never fails the write. A plain
     * listener and a synchronization rather than a transactional listener: the event is not worth recording, and
     * recorded it would keep account ids after their connection is deleted.
     */
    @EventListener
    void on(LedgerChanged change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply(change);
                }
            });
        } else {
            apply(change);
        }
    }

    /**
     * Writers of one user take turns in this process before they take a database connection (the database lock
     * inside only orders instances), and a writer that finds the turn taken leaves its change to the holder, merged
     * with the others waiting: waiting threads hold no connection, and a backfill's many batches are applied in a few
     * merged passes rather than one after the other. The worker applies a user's changes once none has come for
     * {@link #QUIET}, or once the first has waited {@link #MOST_DELAY} while more kept coming: a pass re-marks and
     * recomputes around every changed day, so a backfill's batches, which keep coming, are applied a few times in all
     * rather than once per pass the worker can make meanwhile (each over the whole history written so far). An
     * analytics read does not wait for that: it applies what is pending itself ({@link #settle}).
     */
    private void apply(LedgerChanged change) {
        pending.merge(change.userId(), new PendingChange(change), (merged, next) -> merged.add(change));
        long now = System.nanoTime();
        bursts.merge(change.userId(), new Burst(now, now), (burst, next) -> new Burst(burst.first(), now));
        // off the writer's thread: a sync (a backfill's thousand batches) never waits for its analytics
        worker.schedule(() -> due(change.userId()), QUIET.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * On the worker, {@link #QUIET} after a change: applies the user's pending changes, unless another came since
     * (its own turn comes later) and the first has not waited {@link #MOST_DELAY} yet.
     */
    private void due(long userId) {
        Burst burst = bursts.get(userId);
        if (burst == null) {
            return; // applied already
        }
        long now = System.nanoTime();
        if (now - burst.last() < QUIET.toNanos() && now - burst.first() < MOST_DELAY.toNanos()) {
            return;
        }
        // changes that come during the pass start a burst of their own
        if (bursts.remove(userId, burst)) {
            settle(userId, false);
        }
    }

    /** When the first and the last of a user's waiting changes came, in {@link System#nanoTime()}. */
    private record Burst(long first, long last) {
    }

    /**
     * Stops the worker without interrupting it: an interrupt closes the embedded H2's file channel under a write,
     * which closes the whole database. Changes not applied yet are dropped (mended by the next change of their days or
     * a rebuild); a pass under way gets a few seconds to commit.
     */
    @PreDestroy
    void stop() {
        pending.clear();
        bursts.clear();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Analytics roll-ups still being applied at shutdown; a rebuild mends what they miss");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Applies the user's pending changes; with {@code waitForTurn}, waits for another thread applying them to finish
     * first (so that when it returns, every change published before the call is applied).
     */
    public void settle(long userId, boolean waitForTurn) {
        Turn turn = turns.compute(userId, (user, held) -> (held == null ? new Turn() : held).enter());
        try {
            do {
                if (waitForTurn) {
                    turn.lock.lock();
                } else if (!turn.lock.tryLock()) {
                    return;
                }
                try {
                    applyPending(userId);
                } finally {
                    turn.lock.unlock();
                }
            } while (pending.containsKey(userId));
        } finally {
            turns.computeIfPresent(userId, (user, held) -> held.leave() ? null : held);
        }
    }

    private void applyPending(long userId) {
        for (PendingChange change = pending.remove(userId); change != null; change = pending.remove(userId)) {
            applyNow(userId, change);
        }
    }

    /** How many users' turns are held now (by threads in {@link #settle}). */
    int turnsHeld() {
        return turns.size();
    }

    /**
     * One user's lock and how many threads are in {@link #settle} for them, counted inside the map's atomic
     * {@code compute}, so that the entry goes once the last leaves and a thread coming later makes a new one: no two
     * threads of one user ever hold different locks.
     */
    private static final class Turn {

        final ReentrantLock lock = new ReentrantLock();

        private int threads;

        Turn enter() {
            threads++;
            return this;
        }

        /** @return whether no thread is left in it */
        boolean leave() {
            return --threads == 0;
        }
    }

    private void applyNow(long userId, PendingChange change) {
        try {
            ownTransaction.executeWithoutResult(status -> update(userId, change));
        } catch (RuntimeException e) {
            LOG.warn("Analytics roll-ups of user {} around {} not updated; a rebuild mends them", userId,
                    change.accounts, e);
        }
    }

    /**
     * Pass by pass (all the changed accounts at once, or each on its own: {@link PendingChange#passes}): marks again
     * the transfers of the changed amounts around the changed days, then recomputes the roll-ups of the changed
     * accounts on their changed days, and of the rows whose mark moved on theirs (a row whose data and mark stayed
     * keeps its roll-ups). The rows whose mark moved get their new change version last, so that the user's change head
     * (which the user's ledger writes wait for) is held only while this commits.
     */
    private void update(long userId, PendingChange change) {
        Set<Long> moved = new HashSet<>();
        boolean locked = false;
        for (PendingChange.Pass pass : change.passes()) {
            Set<Long> accounts = new HashSet<>(pass.accounts());
            LocalDate from = pass.from();
            LocalDate to = pass.to();
            // every mark of the pass first, then the roll-ups that read them
            for (Days slice : slices(pass.from().minusDays(Transfers.REMARK_DAYS),
                    pass.to().plusDays(Transfers.REMARK_DAYS))) {
                Transfers.Remarked remarked = transfers.remark(userId, slice.from(), slice.to(), pass.amounts());
                moved.addAll(remarked.rows());
                accounts.addAll(remarked.accounts());
                from = remarked.from() != null && remarked.from().isBefore(from) ? remarked.from() : from;
                to = remarked.to() != null && remarked.to().isAfter(to) ? remarked.to() : to;
            }
            for (Days slice : slices(from, to)) {
                if (!locked) {
                    // held until the pass commits: once is enough
                    lock(userId);
                    locked = true;
                }
                recompute(userId, accounts, slice.from(), slice.to());
            }
        }
        transfers.announce(userId, moved);
    }

    /**
     * The days from {@code from} to {@code to} in slices of at most {@link #SLICE_DAYS}: each statement of a long
     * pass covers one slice, so that its plan is made for a month of rows and on the statistics of the moment, never
     * for a whole history on figures taken while a backfill grew the tables.
     */
    static List<Days> slices(LocalDate from, LocalDate to) {
        List<Days> slices = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(SLICE_DAYS)) {
            LocalDate end = start.plusDays(SLICE_DAYS - 1);
            slices.add(new Days(start, end.isAfter(to) ? to : end));
        }
        return slices;
    }

    /** Days from {@code from} to {@code to}, both included. */
    record Days(LocalDate from, LocalDate to) {
    }

    /** Recomputes the accounts' roll-ups of those days; the caller holds the user's lock ({@link #lock}). */
    private void recompute(long userId, Set<Long> accountIds, LocalDate from, LocalDate to) {
        String accounts = " AND account_id IN (:accounts)";
        for (String table : new String[]{"account_days", "category_days"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user AND booked_on BETWEEN :from AND :to" + accounts)
                    .param("user", userId)
                    .param("from", from)
                    .param("to", to)
                    .param("accounts", accountIds)
                    .update();
        }
        String rows = ROWS.formatted(" AND t.account_id IN (:accounts)");
        for (String insert : new String[]{ACCOUNT_DAYS, CATEGORY_DAYS}) {
            jdbc.sql(insert.formatted(COUNTED, rows))
                    .param("user", userId)
                    .param("from", from)
                    .param("to", to)
                    .param("accounts", accountIds)
                    .update();
        }
        // the months those days fall in, summed again from their days
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        for (String table : new String[]{"account_months", "category_months"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user AND month_start BETWEEN :from AND :to" + accounts)
                    .param("user", userId)
                    .param("from", firstMonth)
                    .param("to", lastMonth)
                    .param("accounts", accountIds)
                    .update();
        }
        for (String insert : new String[]{ACCOUNT_MONTHS, CATEGORY_MONTHS}) {
            jdbc.sql(insert.formatted(MONTH_OF_DAY, accounts))
                    .param("user", userId)
                    .param("from", firstMonth)
                    .param("to", java.time.YearMonth.from(to).atEndOfMonth())
                    .param("accounts", accountIds)
                    .update();
        }
    }

    /** Marks the user's transfers and computes their roll-ups again from the ledger, from scratch. */
    @Transactional
    public void rebuild(long userId) {
        transfers.rebuild(userId);
        lock(userId);
        for (String table : new String[]{"account_days", "category_days", "account_months", "category_months"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE user_id = :user").param("user", userId).update();
        }
        String rows = ROWS.formatted("");
        for (String insert : new String[]{ACCOUNT_DAYS, CATEGORY_DAYS}) {
            jdbc.sql(insert.formatted(COUNTED, rows))
                    .param("user", userId)
                    .param("from", LocalDate.of(1, 1, 1))
                    .param("to", LocalDate.of(9999, 12, 31))
                    .update();
        }
        for (String insert : new String[]{ACCOUNT_MONTHS, CATEGORY_MONTHS}) {
            jdbc.sql(insert.formatted(MONTH_OF_DAY, ""))
                    .param("user", userId)
                    .param("from", LocalDate.of(1, 1, 1))
                    .param("to", LocalDate.of(9999, 12, 31))
                    .update();
        }
    }

    /** Takes the user's row lock, so that two writers of one user recompute one after the other. */
    private void lock(long userId) {
        UserLocks.take(jdbc, "analytics_users", "updated_at", userId, clock.instant());
    }
}
