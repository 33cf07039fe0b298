package com.firesync.sandbox.api;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The simulated provider's fair-usage limit: a token bucket of {@code perSecond} tokens refilled on the injected
 * clock. A refused call learns how many whole seconds to wait.
 */
final class RateLimit {

    private final double perSecond;

    private double tokens;

    private Instant refilled;

    RateLimit(double perSecond, Instant start) {
        this.perSecond = perSecond;
        this.tokens = Math.max(1, perSecond);
        this.refilled = start;
    }

    /** Empty when the call may proceed, else the seconds to wait. */
    synchronized OptionalInt acquire(Instant now) {
        if (perSecond <= 0) {
            return OptionalInt.empty();
        }
        if (now.isAfter(refilled)) {
            double elapsed = Duration.between(refilled, now).toNanos() / 1e9;
            tokens = Math.min(Math.max(1, perSecond), tokens + elapsed * perSecond);
            refilled = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, Math.ceil((1 - tokens) / perSecond)));
    }
}
