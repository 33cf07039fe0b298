package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.FireSyncTest;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.UserAccounts;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims never outlive their instance: a graceful stop releases them, and the claims of an instance that stopped
 * beating (killed) are taken over at once instead of after their 15-minute lease.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class ClaimantTests {

    static final Duration LEASE = Duration.ofMinutes(15);

    @Autowired
    ConnectionLifecycle lifecycle;

    @Autowired
    ClaimantRegistry registry;

    @Autowired
    ClaimSettings settings;

    @Autowired
    ProviderIdentities identities;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    long connection;

    @BeforeEach
    void link() {
        connection = TestConnections.linked(users, identities, jdbc, "carol", "4343", clock.instant());
    }

    @Test
    void theRunningInstanceBeatsAndItsClaimsHold() {
        registry.beat();
        assertThat(lastSeen(registry.id())).as("registered").isNotNull();
        assertThat(lifecycle.claim(connection, registry.id(), clock.instant(), LEASE)).isPresent();

        assertThat(lifecycle.claim(connection, "fs-other", clock.instant(), LEASE)).as("held by a live instance")
                .isEmpty();
    }

    @Test
    void aStoppingInstanceReleasesEveryClaimItHolds() {
        assertThat(lifecycle.claimForWebhook(connection, registry.id(), clock.instant(), LEASE)).isPresent();
        assertThat(state()).isEqualTo("syncing");

        assertThat(lifecycle.releaseAll(registry.id(), clock.instant())).isOne();

        assertThat(state()).isEqualTo("active");
        assertThat(jdbc.sql("SELECT sync_claimed_by FROM connections WHERE id = :id").param("id", connection)
                .query(String.class).optional()).isEmpty();
        assertThat(lifecycle.claim(connection, "fs-next", clock.instant(), LEASE)).as("claimed at once").isPresent();
    }

    @Test
    void theClaimsOfAnInstanceThatStoppedBeatingAreTakenOverBeforeTheirLease() {
        Instant now = Instant.now();
        beating("fs-killed", now.minus(settings.deadAfter()).minusSeconds(1));
        beating("fs-paused", now.minus(settings.deadAfter()).plusSeconds(10));
        assertThat(lifecycle.claim(connection, "fs-paused", clock.instant(), LEASE)).isPresent();
        assertThat(lifecycle.claim(connection, registry.id(), clock.instant(), LEASE))
                .as("an instance silent for less than dead-after still holds its claim").isEmpty();
        jdbc.sql("UPDATE connections SET sync_claimed_by = 'fs-killed' WHERE id = :id").param("id", connection)
                .update();

        assertThat(lifecycle.claim(connection, registry.id(), clock.instant(), LEASE)).as("taken over").isPresent();
    }

    private void beating(String instance, Instant lastSeen) {
        jdbc.sql("INSERT INTO claimants (id, started_at, last_seen_at) VALUES (:id, :at, :at)")
                .param("id", instance)
                .param("at", Timestamp.from(lastSeen))
                .update();
    }

    private String state() {
        return jdbc.sql("SELECT state FROM connections WHERE id = :id").param("id", connection).query(String.class)
                .single();
    }

    private Timestamp lastSeen(String instance) {
        return jdbc.sql("SELECT last_seen_at FROM claimants WHERE id = :id").param("id", instance)
                .query(Timestamp.class).single();
    }
}
