package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderFailure;
import com.firesync.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConnectionCircuitsTests {

    private static final long CONNECTION = 42;

    private static final ProviderFailure BANK_DOWN = new ProviderFailure.Transient("websiteUnavailable", null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));

    // three failures open it, for one minute at first, ten at most
    private final ConnectionCircuits circuits = new ConnectionCircuits(Limits.CIRCUIT, clock);

    @Test
    void opensAfterTheThresholdOfTransientFailuresInARow() {
        fail(2);
        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.CLOSED);
        assertThat(circuits.allows(CONNECTION)).isTrue();

        fail(1);

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.OPEN);
        assertThat(circuits.allows(CONNECTION)).isFalse();
        assertThat(circuits.openUntil(CONNECTION)).contains(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void letsOneProbeThroughOnceTheCoolDownEnds() {
        fail(3);
        clock.advance(Duration.ofSeconds(59));
        assertThat(circuits.allows(CONNECTION)).isFalse();

        clock.advance(Duration.ofSeconds(1));

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(circuits.openUntil(CONNECTION)).isEmpty();
        assertThat(circuits.allows(CONNECTION)).isTrue();
        assertThat(circuits.allows(CONNECTION)).isFalse();
    }

    @Test
    void doublesTheCoolDownEachTimeTheProbeFailsUpToTheMaximum() {
        fail(3);
        List<Duration> coolDowns = Stream.of(2, 4, 8, 10, 10).map(Duration::ofMinutes).toList();

        Duration previous = Duration.ofMinutes(1);
        for (Duration coolDown : coolDowns) {
            clock.advance(previous);
            assertThat(circuits.allows(CONNECTION)).isTrue();
            circuits.recordFailure(CONNECTION, BANK_DOWN);
            assertThat(circuits.openUntil(CONNECTION)).contains(clock.instant().plus(coolDown));
            previous = coolDown;
        }
    }

    @Test
    void closesAndForgetsTheCoolDownWhenASyncSucceeds() {
        fail(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(circuits.allows(CONNECTION)).isTrue();

        circuits.recordSuccess(CONNECTION);

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.CLOSED);
        fail(3);
        assertThat(circuits.openUntil(CONNECTION)).contains(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void countsOnlyConsecutiveFailures() {
        fail(2);
        circuits.recordSuccess(CONNECTION);
        fail(2);

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void neverOpensOnFailuresThatAreNotTheConnectionsPassingTrouble() {
        for (ProviderFailure failure : List.of(new ProviderFailure.NeedsUserAction("wrongpass"),
                new ProviderFailure.AuthInvalid(), new ProviderFailure.Permanent("http_400"),
                new ProviderFailure.RateLimited(null),
                new ProviderFailure.Transient(ProviderCallGate.SATURATED, null))) {
            for (int i = 0; i < 3; i++) {
                circuits.recordFailure(CONNECTION, failure);
            }
        }

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.CLOSED);
        assertThat(circuits.allows(CONNECTION)).isTrue();
    }

    @Test
    void closesWhenTheProviderAnswersDefinitely() {
        fail(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(circuits.allows(CONNECTION)).isTrue();

        circuits.recordFailure(CONNECTION, new ProviderFailure.NeedsUserAction("SCARequired"));
        fail(2);

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void keepsCountingThroughProviderWideRateLimits() {
        fail(2);
        circuits.recordFailure(CONNECTION, new ProviderFailure.RateLimited(null));
        fail(1);

        assertThat(circuits.state(CONNECTION)).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void letsAnotherProbeThroughWhenTheFirstNeverReported() {
        fail(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(circuits.allows(CONNECTION)).isTrue();

        clock.advance(Duration.ofMinutes(1));

        assertThat(circuits.allows(CONNECTION)).isTrue();
    }

    @Test
    void leavesOtherConnectionsAloneAndPutsFailingOnesFirst() {
        fail(3);
        circuits.recordFailure(7, BANK_DOWN);

        assertThat(circuits.allows(8)).isTrue();
        assertThat(Stream.of(8L, 7L, CONNECTION).sorted(circuits.failingFirst()).toList())
                .containsExactly(CONNECTION, 7L, 8L);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            circuits.recordFailure(CONNECTION, BANK_DOWN);
        }
    }
}
