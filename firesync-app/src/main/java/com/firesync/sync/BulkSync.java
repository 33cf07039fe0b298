package com.firesync.sync;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
        List<ConnectionSnapshot> targets = connections.list(userId);
        var permits = new Semaphore(CONCURRENCY);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = targets.stream()
                    .map(connection -> executor.submit(
                            () -> slots.run(connection.userId(), permits,
                                    () -> engine.sync(connection, trigger, false))))
                    .toList();
            return futures.stream().map(BulkSync::join).toList();
        }
    }

    /**
     * Starts a run over every connection in the background and answers its id at once.
     */
    public BulkRun start(SyncTrigger trigger) {
        var run = new BulkRun(UUID.randomUUID().toString(), clock.instant(), connections.list(null).size());
        Thread.ofVirtual().name("bulk-sync-" + run.id()).start(() -> {
            List<SyncOutcome> outcomes = syncAll(null, trigger);
            long synced = outcomes.stream().filter(SyncOutcome::synced).count();
            log.info("Bulk sync {} done: {} connections, {} synced", run.id(), outcomes.size(), synced);
        });
        return run;
    }

    private static SyncOutcome join(java.util.concurrent.Future<SyncOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while syncing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A sync failed unexpectedly", e.getCause());
        }
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
