package com.firesync.provider.resilience;

import java.time.Duration;

/**
 * Settings for tests, spelled out: the production defaults live in {@link ProviderLimitSettings} only.
 */
final class Limits {

    static final ProviderLimitSettings.Retry RETRY = new ProviderLimitSettings.Retry(4, Duration.ofMillis(500), 2.0,
            0.5, Duration.ofSeconds(30));

    static final ProviderLimitSettings.Circuit CIRCUIT = new ProviderLimitSettings.Circuit(3, Duration.ofMinutes(1),
            Duration.ofMinutes(10));

    private Limits() {
    }

    static ProviderLimitSettings of(double requestsPerSecond, int concurrency, Duration maxWait) {
        return new ProviderLimitSettings(new ProviderLimitSettings.RateLimit(requestsPerSecond, maxWait,
                Duration.ofMillis(200)), concurrency,
                RETRY, CIRCUIT);
    }

    /** Limits high enough never to delay a test of the retries. */
    static ProviderLimitSettings unhurried() {
        return of(10_000, 64, Duration.ofSeconds(5));
    }
}
