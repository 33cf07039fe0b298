package com.firesync.provider.resilience;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One connection's circuit, as an immutable value replaced on each event. Resilience4j's circuit breaker was not
 * used: it keeps the end of its open period to itself (the status endpoint must show it) and its half-open state
 * waits for a probe result forever, or on a timer thread rather than the injected clock.
 *
 * @param failures transient failures in a row while closed
 * @param openUntil when the current open period ends, or {@code null} while closed
 * @param coolDown the length of the current (or next) open period
 * @param probeSince when the probe of the current half-open period was let through, if one was
 */
record Circuit(int failures, @Nullable Instant openUntil, Duration coolDown, @Nullable Instant probeSince) {

    static Circuit closed(Duration coolDown) {
        return new Circuit(0, null, coolDown, null);
    }

    CircuitState state(Instant now) {
        if (openUntil == null) {
            return CircuitState.CLOSED;
        }
        return now.isBefore(openUntil) ? CircuitState.OPEN : CircuitState.HALF_OPEN;
    }

    /**
     * After a counted failure: the threshold opens a closed circuit, a failed probe reopens it for twice as long. A
     * failure while open came from a sync started before it opened and changes nothing.
     */
    Circuit failed(Instant now, int threshold, Duration maxCoolDown) {
        return switch (state(now)) {
            case CLOSED -> failures + 1 >= threshold
                    ? new Circuit(failures + 1, now.plus(coolDown), coolDown, null)
                    : new Circuit(failures + 1, null, coolDown, null);
            case OPEN -> this;
            case HALF_OPEN -> {
                Duration longer = min(coolDown.multipliedBy(2), maxCoolDown);
                yield new Circuit(failures, now.plus(longer), longer, null);
            }
        };
    }

    /**
     * Whether a probe may start now: the first caller of a half-open period, or a later one once the previous probe
     * has been silent for a whole cool-down (its sync died without reporting).
     */
    boolean probeDue(Instant now) {
        return state(now) == CircuitState.HALF_OPEN
                && (probeSince == null || !now.isBefore(probeSince.plus(coolDown)));
    }

    Circuit probing(Instant now) {
        return new Circuit(failures, openUntil, coolDown, now);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
