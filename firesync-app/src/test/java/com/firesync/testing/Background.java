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
}
