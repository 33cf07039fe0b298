package com.firesync.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for FireSync's background work (first syncs, webhooks: events in the publication registry) to finish.
 */
public final class Background {

    private Background() {
    }

    public static void awaitQuiet(JdbcClient jdbc) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                        .query(Long.class)
                        .single() == 0);
    }

    /** Waits for a connection's first successful sync (the one its linking queued). */
    public static void awaitSynced(JdbcClient jdbc, long connectionId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sync_runs WHERE connection_id = :c AND outcome = 'synced'")
                        .param("c", connectionId)
                        .query(Long.class)
                        .single() > 0);
    }
}
