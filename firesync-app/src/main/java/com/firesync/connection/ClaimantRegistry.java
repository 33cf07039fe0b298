package com.firesync.connection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This instance as a holder of connection claims: one id for every claim it takes (syncs and webhook applications),
 * a heartbeat in {@code claimants} while it runs, and on a graceful stop every claim it still holds released and its
 * row deleted, so that a restart never finds its connections held. A killed instance stops beating: once it has been
 * silent for {@link ClaimSettings#deadAfter()}, {@link ConnectionLifecycle} lets other instances take its claims over
 * without waiting for the lease.
 * <p>
 * Liveness is measured on the system clock, not on the application's (which tests move by hours): it is about whether
 * a process runs, not about bank time.
 */
@Component
public class ClaimantRegistry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimantRegistry.class);

    private final String id = "fs-" + UUID.randomUUID();

    private final Clock realTime = Clock.systemUTC();

    private final JdbcClient jdbc;

    private final ClaimSettings settings;

    private final ConnectionLifecycle connections;

    private final Clock clock;

    private volatile @Nullable ScheduledExecutorService beats;

    ClaimantRegistry(JdbcClient jdbc, ClaimSettings settings, ConnectionLifecycle connections, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.connections = connections;
        this.clock = clock;
    }

    /** The id this instance claims connections with. */
    public String id() {
        return id;
    }

    @Override
    public void start() {
        register(realTime.instant());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("claimant-heartbeat")
                .daemon()
                .factory());
        long every = settings.heartbeat().toMillis();
        executor.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        beats = executor;
    }

    /** Records that this instance runs (registering it again if its row went missing). */
    void beat() {
        try {
            Instant now = realTime.instant();
            int seen = jdbc.sql("UPDATE claimants SET last_seen_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", id)
                    .update();
            if (seen == 0) {
                register(now);
            }
            // the rows of instances dead for longer than any claim of theirs could matter
            jdbc.sql("DELETE FROM claimants WHERE last_seen_at < :old")
                    .param("old", Timestamp.from(now.minus(settings.deadAfter().multipliedBy(100))))
                    .update();
        } catch (RuntimeException e) {
            log.warn("Heartbeat of instance {} not recorded: {}", id, e.toString());
        }
    }

    private void register(Instant now) {
        jdbc.sql("INSERT INTO claimants (id, started_at, last_seen_at) VALUES (:id, :now, :now)")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = beats;
        beats = null;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        int released = connections.releaseAll(id, clock.instant());
        jdbc.sql("DELETE FROM claimants WHERE id = :id").param("id", id).update();
        log.info("Instance {} stopped: {} connection claim(s) released", id, released);
    }

    @Override
    public boolean isRunning() {
        return beats != null;
    }

    /**
     * Stops late, after the web server and the scheduler stopped taking work, and before the database goes.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
