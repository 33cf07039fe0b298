package com.firesync.sandbox.webhook;

import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bank's own refresh cadence: every connection of a Powens user whose last sync is at least {@code interval} of clock time old is
 * refreshed. The check itself runs every second of real time so that a test clock moved by hand is noticed.
 */
public final class BackgroundRefresh implements AutoCloseable {

    private final SandboxWorld world;

    private final BankRefresh refresh;

    private final Duration interval;

    private final ScheduledExecutorService ticker;

    public BackgroundRefresh(SandboxWorld world, BankRefresh refresh, Duration interval) {
        this.world = world;
        this.refresh = refresh;
        this.interval = interval;
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon()
                .name("sandbox-refresh")
                .factory());
        if (!interval.isZero() && !interval.isNegative()) {
            ticker.scheduleWithFixedDelay(this::refreshDue, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Refreshes every connection that is due now; returns how many were. */
    public int refreshDue() {
        Instant now = world.now();
        int refreshed = 0;
        for (SandboxConnection connection : world.allConnections()) {
            boolean powens = world.user(connection.userId()).filter(SandboxUser::powensUser).isPresent();
            if (powens && !connection.lastSyncAttempt().plus(interval).isAfter(now)) {
                refresh.refresh(connection);
                refreshed++;
            }
        }
        return refreshed;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
