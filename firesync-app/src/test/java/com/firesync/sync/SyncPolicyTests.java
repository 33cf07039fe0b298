package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.ConnectionState;
import com.firesync.sync.SyncDecision.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SyncPolicyTests {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    final SyncPolicy policy = new SyncPolicy(new SyncSettings(Duration.ofHours(2), Duration.ofMinutes(5),
            Duration.ofHours(4), Period.ofDays(730), Duration.ofHours(1), Period.ofDays(30), Duration.ofHours(24),
            Duration.ofMinutes(15)), Map.of());

    @Test
    void syncsANeverSyncedConnection() {
        assertThat(decide(connection(ConnectionState.ACTIVE, null, null, 0, null), false))
                .isEqualTo(new SyncDecision(true, Reason.FIRST_SYNC, null));
    }

    @Test
    void skipsFreshConnectionUnlessForced() {
        var fresh = connection(ConnectionState.ACTIVE, ago(60), ago(60), 0, null);

        assertThat(decide(fresh, false))
                .isEqualTo(new SyncDecision(false, Reason.FRESH, NOW.plus(Duration.ofMinutes(60))));
        assertThat(decide(fresh, true)).isEqualTo(new SyncDecision(true, Reason.FORCED, null));
    }

    @Test
    void holdsTheMinimumIntervalEvenWhenForced() {
        var recent = connection(ConnectionState.ACTIVE, ago(2), ago(200), 0, null);

        assertThat(decide(recent, true))
                .isEqualTo(new SyncDecision(false, Reason.RATE_LIMITED, NOW.plus(Duration.ofMinutes(3))));
    }

    @Test
    void skipsWhileAnotherSyncHoldsTheConnection() {
        var held = connection(ConnectionState.SYNCING, ago(1), ago(300), 0, NOW.plusSeconds(600));

        assertThat(decide(held, true).reason()).isEqualTo(Reason.IN_PROGRESS);
    }

    @Test
    void takesOverAnExpiredClaim() {
        var crashed = connection(ConnectionState.SYNCING, ago(30), ago(300), 0, NOW.minusSeconds(60));

        assertThat(decide(crashed, false)).isEqualTo(new SyncDecision(true, Reason.STALE, null));
    }

    @Test
    void neverRetriesAConnectionThatNeedsTheUser() {
        var blocked = connection(ConnectionState.NEEDS_USER_ACTION, ago(300), ago(600), 3, null);

        assertThat(decide(blocked, true).reason()).isEqualTo(Reason.NEEDS_USER_ACTION);
        assertThat(policy.decide(blocked, NOW, SyncTrigger.RECONNECT, false, null, null).sync()).isTrue();
    }

    @Test
    void skipsWhileTheCircuitIsOpenNamingTheNextProbe() {
        var failing = connection(ConnectionState.FAILING, ago(30), ago(600), 4, null);
        Instant probe = NOW.plusSeconds(120);

        assertThat(policy.decide(failing, NOW, SyncTrigger.MANUAL, false, probe, null))
                .isEqualTo(new SyncDecision(false, Reason.CIRCUIT_OPEN, probe));
        assertThat(policy.decide(failing, NOW, SyncTrigger.MANUAL, false, NOW.minusSeconds(1), null).reason())
                .isEqualTo(Reason.RETRY);
    }

    @Test
    void neverSyncsADisabledConnection() {
        assertThat(decide(connection(ConnectionState.DISABLED, null, null, 0, null), true).reason())
                .isEqualTo(Reason.DISABLED);
    }

    @Test
    void tellsStaleFromDue() {
        assertThat(decide(connection(ConnectionState.ACTIVE, ago(150), ago(150), 0, null), false).reason())
                .isEqualTo(Reason.DUE);
        assertThat(decide(connection(ConnectionState.ACTIVE, ago(300), ago(300), 0, null), false).reason())
                .isEqualTo(Reason.STALE);
    }

    @Test
    void plansAnUnattendedSyncASpacingAfterTheLastAttemptWhenTheProviderLimitsThem() {
        var synced = connection(ConnectionState.ACTIVE, ago(150), ago(150), 0, null);
        var quota = new QuotaPlanner.Quota(3, Duration.ofHours(6), NOW.plus(Duration.ofHours(12)));

        assertThat(policy.decide(synced, NOW, SyncTrigger.SCHEDULE, false, null, quota))
                .isEqualTo(new SyncDecision(false, Reason.FRESH, NOW.plus(Duration.ofMinutes(210))));
        assertThat(policy.decide(synced, NOW.plus(Duration.ofMinutes(210)), SyncTrigger.SCHEDULE, false, null, quota)
                .reason()).isEqualTo(Reason.STALE);
        assertThat(policy.decide(synced, NOW, SyncTrigger.MANUAL, true, null, quota).reason())
                .isEqualTo(Reason.FORCED);
    }

    @Test
    void refusesAnUnattendedSyncOnceTheDaysQuotaIsSpentEvenForcedUntilTheNextDay() {
        var synced = connection(ConnectionState.ACTIVE, ago(400), ago(400), 0, null);
        var spent = new QuotaPlanner.Quota(0, Duration.ofHours(6), NOW.plus(Duration.ofHours(12)));

        assertThat(policy.decide(synced, NOW, SyncTrigger.MANUAL, true, null, spent))
                .isEqualTo(new SyncDecision(false, Reason.QUOTA_EXHAUSTED, NOW.plus(Duration.ofHours(12))));
        assertThat(policy.decide(synced, NOW, SyncTrigger.SCHEDULE, false, null, spent).reason())
                .isEqualTo(Reason.QUOTA_EXHAUSTED);
        assertThat(spent.plan(NOW, ago(400))).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(Reason.QUOTA_EXHAUSTED.code()).isEqualTo("quota_exhausted");
    }

    private SyncDecision decide(ConnectionSnapshot connection, boolean force) {
        return policy.decide(connection, NOW, SyncTrigger.MANUAL, force, null, null);
    }

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void aConnectionSyncedAsOftenAsItsProviderAllowsIsNotStale() {
        // Enable Banking spaces unattended syncs 6 h apart: 4 h of staleness plus the 4 h its spacing adds to freshFor
        var spaced = new SyncPolicy(new SyncSettings(Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofHours(4),
                Period.ofDays(730), Duration.ofHours(1), Period.ofDays(30), Duration.ofHours(24),
                Duration.ofMinutes(15)), Map.of("enablebanking", Duration.ofHours(6)));

        assertThat(spaced.staleAfter("enablebanking")).isEqualTo(Duration.ofHours(8));
        assertThat(spaced.staleAfter("powens")).isEqualTo(Duration.ofHours(4));
        assertThat(spaced.isStale(connection(ConnectionState.ACTIVE, ago(300), ago(300), 0, null, "enablebanking"),
                NOW)).isFalse();
        assertThat(spaced.isStale(connection(ConnectionState.ACTIVE, ago(500), ago(500), 0, null, "enablebanking"),
                NOW)).isTrue();
        assertThat(spaced.isStale(connection(ConnectionState.ACTIVE, ago(300), ago(300), 0, null), NOW)).isTrue();
        assertThat(spaced.staleBefore(NOW)).isEqualTo(new SyncPolicy.StaleBefore(NOW.minus(Duration.ofHours(4)),
                Map.of("enablebanking", NOW.minus(Duration.ofHours(8)))));
    }

    private static ConnectionSnapshot connection(ConnectionState state, @Nullable Instant lastAttempt,
            @Nullable Instant lastSuccess, int failures, @Nullable Instant claimedUntil) {
        return connection(state, lastAttempt, lastSuccess, failures, claimedUntil, "powens");
    }

    private static ConnectionSnapshot connection(ConnectionState state, @Nullable Instant lastAttempt,
            @Nullable Instant lastSuccess, int failures, @Nullable Instant claimedUntil, String provider) {
        return new ConnectionSnapshot(1, 1, "Demo Bank", state, null, null, lastAttempt, lastSuccess, failures,
                claimedUntil, null, null, provider, null, "42", null);
    }
}
