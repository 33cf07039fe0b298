package com.firesync.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The gap witness on PostgreSQL: a missing event id is waited for as long as a transaction that may hold it runs. The
 * case that once lost an event: the holder drew its transaction id after the latest transaction to complete, so it
 * lay above the snapshot's {@code xmax} (one past the latest completed), and a witness reading {@code xmax} took the
 * gap as settled while the holder was still to commit.
 */
@Tag("postgresql-only")
class GapWitnessTests {

    private final String url = env("FIRESYNC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private final String user = env("FIRESYNC_TEST_DB_USER", "postgres");

    private final String password = env("FIRESYNC_TEST_DB_PASSWORD", "");

    @Test
    void aGapIsNotSettledWhileATransactionThatDrewItsIdBeforeItRuns() throws SQLException {
        var dataSource = new DriverManagerDataSource(url, user, password);
        var environment = new MockEnvironment().withProperty("spring.datasource.url", url);
        // a grace of an hour: only the transactions can settle the gap within the test
        var settings = new EventSettings(Duration.ofDays(7), 5, Duration.ofSeconds(15), 1000, Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofSeconds(60));
        var witness = new GapWitness(JdbcClient.create(dataSource), settings, environment);
        try (Connection holder = DriverManager.getConnection(url, user, password)) {
            holder.setAutoCommit(false);
            // the holder draws its id, as an event's transaction does before it takes the event's id; nothing has
            // completed after it, so it lies at or above every snapshot's xmax until it ends
            try (var statement = holder.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            GapWitness.Gap gap = witness.seen();
            assertThat(witness.settled(gap)).as("settled while the holder runs").isFalse();
            // other transactions completing meanwhile do not settle it either
            try (Connection other = DriverManager.getConnection(url, user, password);
                    var statement = other.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()");
            }
            assertThat(witness.settled(gap)).as("settled while the holder runs, after another commit").isFalse();
            holder.commit();
        }
        // settled once every transaction that could hold it ended (the server's other sessions included)
        GapWitness.Gap later = witness.seen();
        org.awaitility.Awaitility.await("a gap nothing holds any more").atMost(Duration.ofSeconds(30))
                .until(() -> witness.settled(later));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
