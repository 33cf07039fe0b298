package com.firesync.provider.resilience;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One provider's gate: a concurrency slot first, then a rate permit, then the request. The slot is taken first so
 * that a request leaves right when its permit is due; taking the permit first would let requests queued behind busy
 * slots leave together later, in a burst above the rate.
 */
final class ProviderGate implements ProviderCallGate {

    private final Bulkhead bulkhead;

    private final RateLimiter limiter;

    private final Counter waits;

    private final Counter rejections;

    ProviderGate(Bulkhead bulkhead, RateLimiter limiter, MeterRegistry meters) {
        this.bulkhead = bulkhead;
        this.limiter = limiter;
        this.waits = ProviderMetrics.waits(meters, limiter.getName());
        this.rejections = ProviderMetrics.saturated(meters, limiter.getName());
    }

    @Override
    public <T> T call(String operation, Supplier<T> request) {
        if (!bulkhead.tryAcquirePermission()) {
            throw saturated(operation);
        }
        try {
            awaitPermit(operation);
            return request.get();
        } finally {
            bulkhead.onComplete();
        }
    }

    private void awaitPermit(String operation) {
        // reserving says how long until the permit is due, without spinning; an answer below zero means not
        // within the configured wait
        long nanos = limiter.reservePermission();
        if (nanos < 0) {
            throw saturated(operation);
        }
        if (nanos > 0) {
            waits.increment();
            try {
                Thread.sleep(Duration.ofNanos(nanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(operation, new ProviderFailure.Transient("interrupted", null), e);
            }
        }
    }

    private ProviderException saturated(String operation) {
        rejections.increment();
        return new ProviderException(operation, new ProviderFailure.Transient(SATURATED, null));
    }
}
