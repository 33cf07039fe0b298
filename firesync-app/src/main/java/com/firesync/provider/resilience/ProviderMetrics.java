package com.firesync.provider.resilience;

import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of the provider limits; their names are listed with every other in {@link MetricNames}.
 */
final class ProviderMetrics {

    /** Requests that had to wait for a rate permit (the limiter is doing its job; a steady climb is normal). */
    static final String RATE_LIMIT_WAITS = MetricNames.PROVIDER_RATE_LIMIT_WAITS;

    /** Requests refused because no permit or slot came within the configured wait: FireSync itself is saturated. */
    static final String SATURATED = MetricNames.PROVIDER_SATURATED;

    /** Retries of failed operations. */
    static final String RETRIES = MetricNames.PROVIDER_RETRIES;

    /** Round trips to the budget shared through the database, each taking a batch of permits (PostgreSQL only). */
    static final String BUDGET_BATCHES = MetricNames.PROVIDER_BUDGET_BATCHES;

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

    static Counter budgetBatches(MeterRegistry meters, String provider) {
        return meters.counter(BUDGET_BATCHES, "provider", provider);
    }
}
