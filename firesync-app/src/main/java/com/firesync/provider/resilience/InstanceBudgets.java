package com.firesync.provider.resilience;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;

/**
 * Rate permits kept in this instance's memory (Resilience4j), for the embedded database where one instance runs
 * alone. One permit per interval rather than a whole second's worth at once: no burst can exceed the rate.
 */
final class InstanceBudgets implements RateBudgets {

    private final RateLimiterRegistry limiters;

    InstanceBudgets(ProviderLimitSettings.RateLimit rate) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(rate.permitInterval())
                .timeoutDuration(rate.maxWait())
                .build());
    }

    @Override
    public RatePermits permits(String provider) {
        RateLimiter limiter = limiters.rateLimiter(provider);
        return () -> {
            // reserving says how long until the permit is due, without spinning; an answer below zero means not
            // within the configured wait
            long nanos = limiter.reservePermission();
            if (nanos < 0) {
                return RatePermits.Admission.REFUSED;
            }
            if (nanos == 0) {
                return RatePermits.Admission.AT_ONCE;
            }
            Thread.sleep(Duration.ofNanos(nanos));
            return RatePermits.Admission.AFTER_WAIT;
        };
    }
}
