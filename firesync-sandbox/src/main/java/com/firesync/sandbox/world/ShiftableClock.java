package com.firesync.sandbox.world;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with another one, shifted forward by hand: the standalone sandbox's clock, so that a load test in
 * another process can let a day pass at the bank ({@code POST /sandbox/control}) without waiting for it.
 */
public final class ShiftableClock extends Clock {

    private final Clock base;

    private final AtomicReference<Duration> shift;

    public ShiftableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private ShiftableClock(Clock base, AtomicReference<Duration> shift) {
        this.base = base;
        this.shift = shift;
    }

    /** Moves the clock forward; answers the new instant. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The sandbox clock only moves forward");
        }
        shift.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far ahead of the base clock this one runs. */
    public Duration shift() {
        return shift.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shift.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ShiftableClock(base.withZone(zone), shift);
    }
}
