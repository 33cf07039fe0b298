package com.firesync.provider.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of the provider limits, named in one place.
 */
final class ProviderMetrics {

    /** Requests that had to wait for a rate permit (the limiter is doing its job; a steady climb is normal). */
    static final String RATE_LIMIT_WAITS = "firesync.provider.rate.limit.waits";

    /** Requests refused because no permit or slot came within the configured wait: FireSync itself is saturated. */
    static final String SATURATED = "firesync.provider.saturated";

    /** Retries of failed operations. */
    static final String RETRIES = "firesync.provider.retries";

    private ProviderMetrics() {
    }

    static Counter waits(MeterRegistry meters, String provider) {
        return meters.counter(RATE_LIMIT_WAITS, "provider", provider);
    }

    static Counter saturated(MeterRegistry meters, String provider) {
        return meters.counter(SATURATED, "provider", provider);
    }

    static Counter retries(MeterRegistry meters, String provider) {
        return meters.counter(RETRIES, "provider", provider);
    }
}
