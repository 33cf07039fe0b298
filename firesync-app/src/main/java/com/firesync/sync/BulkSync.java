package com.firesync.sync;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Syncs many connections through the policy, failing ones first, with a bounded number at a time on virtual
 * threads, and at most {@link SyncSlots#PER_USER} of one user's. Never forces a refresh: bulk runs must not ask the
 * provider to refresh banks.
 */
@Service
public class BulkSync {

    /** Syncs in flight at once in one bulk run; the provider limits bound the calls beneath. */
    static final int CONCURRENCY = 32;

    /** Connections read at a time, and syncs started beyond those that ended, in one bulk run. */
    static final int AHEAD = 4 * CONCURRENCY;

    private static final Logger log = LoggerFactory.getLogger(BulkSync.class);

    private final SyncEngine engine;

    private final ConnectionLifecycle connections;

    private final SyncSlots slots;

    private final Clock clock;

    BulkSync(SyncEngine engine, ConnectionLifecycle connections, SyncSlots slots, Clock clock) {
        this.engine = engine;
        this.connections = connections;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * Syncs the user's connections (or every connection when {@code userId} is {@code null}) and waits for them.
     */
    public List<SyncOutcome> syncAll(@Nullable Long userId, SyncTrigger trigger) {
        List<Long> ids = connections.ids(userId);
        var outcomes = new AtomicReferenceArray<SyncOutcome>(ids.size());
        syncEach(ids, trigger, outcomes::set);
        // a connection deleted since the ids were read has no outcome
        return IntStream.range(0, ids.size()).mapToObj(outcomes::get).filter(Objects::nonNull).toList();
    }

    /**
     * Starts a run over every connection in the background and answers its id at once.
     */
    public BulkRun start(SyncTrigger trigger) {
        List<Long> ids = connections.ids(null);
        var run = new BulkRun(UUID.randomUUID().toString(), clock.instant(), ids.size());
        Thread.ofVirtual().name("bulk-sync-" + run.id()).start(() -> {
            var done = new AtomicInteger();
            var synced = new AtomicInteger();
            syncEach(ids, trigger, (index, outcome) -> {
                done.incrementAndGet();
                if (outcome.synced()) {
                    synced.incrementAndGet();
                }
            });
            log.info("Bulk sync {} done: {} connections, {} synced", run.id(), done.get(), synced.get());
        });
        return run;
    }

    /**
     * Syncs the connections of {@code ids} in that order, {@link #CONCURRENCY} at a time, and gives each outcome with
     * the connection's index in {@code ids}, on the sync's thread. Connections are read {@link #AHEAD} at a time, and
     * no more syncs are started than that beyond those that ended: a run over every connection holds their ids, not a
     * connection, a parked thread and an outcome for each (which at 50,000 connections filled the heap,
     * docs/benchmarks.md). Starting more than {@link #CONCURRENCY} lets other users' syncs go on while one user's wait
     * for that user's slots.
     */
    private void syncEach(List<Long> ids, SyncTrigger trigger, IndexedOutcome outcome) {
        var permits = new Semaphore(CONCURRENCY);
        var ahead = new Semaphore(AHEAD);
        var failure = new AtomicReference<@Nullable Throwable>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            // a sync that fails unexpectedly does not stop the others: the run ends, then says so
            for (int from = 0; from < ids.size(); from += AHEAD) {
                int next = from;
                // in the slice's order, less those deleted since
                for (ConnectionSnapshot connection : connections.snapshots(ids.subList(from,
                        Math.min(from + AHEAD, ids.size())))) {
                    while (ids.get(next) != connection.id()) {
                        next++;
                    }
                    int index = next;
                    ahead.acquire();
                    executor.execute(() -> {
                        try {
                            outcome.accept(index, slots.run(connection.userId(), permits,
                                    () -> engine.sync(connection, trigger, false)));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            failure.compareAndSet(null, e);
                        } catch (RuntimeException | Error e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            ahead.release();
                        }
                    });
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while syncing", e);
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("A sync failed unexpectedly", failed);
        }
    }

    /** Takes a connection's outcome and the connection's index among those of the run. */
    @FunctionalInterface
    private interface IndexedOutcome {

        void accept(int index, SyncOutcome outcome);
    }

    /**
     * A background run over every connection.
     *
     * @param id the run's id
     * @param startedAt when it started
     * @param connections how many connections it covers
     */
    public record BulkRun(String id, Instant startedAt, int connections) {
    }
}
