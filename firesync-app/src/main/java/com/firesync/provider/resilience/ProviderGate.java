package com.firesync.provider.resilience;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * One provider's gate: a concurrency slot first, then a rate permit, then the request. The slot is taken first so
 * that a request leaves right when its permit is due; taking the permit first would let requests queued behind busy
 * slots leave together later, in a burst above the rate.
 */
final class ProviderGate implements ProviderCallGate {

    private final Bulkhead bulkhead;

    private final RatePermits permits;

    private final Counter waits;

    private final Counter rejections;

    ProviderGate(String provider, Bulkhead bulkhead, RatePermits permits, MeterRegistry meters) {
        this.bulkhead = bulkhead;
        this.permits = permits;
        this.waits = ProviderMetrics.waits(meters, provider);
        this.rejections = ProviderMetrics.saturated(meters, provider);
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
        RatePermits.Admission admission;
        try {
            admission = permits.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(operation, new ProviderFailure.Transient("interrupted", null), e);
        }
        if (admission == RatePermits.Admission.REFUSED) {
            throw saturated(operation);
        }
        if (admission == RatePermits.Admission.AFTER_WAIT) {
            waits.increment();
        }
    }

    private ProviderException saturated(String operation) {
        rejections.increment();
        return new ProviderException(operation, new ProviderFailure.Transient(SATURATED, null));
    }
}
