package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ProviderLimitSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ResilienceConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void defaultsToPoliteLimits() {
        context.run(app -> {
            ProviderLimitSettings settings = app.getBean(ProviderLimitSettings.class);
            assertThat(settings.rateLimit().requestsPerSecond()).isEqualTo(10);
            assertThat(settings.rateLimit().maxWait()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.rateLimit().batch()).isEqualTo(Duration.ofMillis(200));
            assertThat(settings.rateLimit().batchSize()).as("at least one permit at a time").isEqualTo(2);
            assertThat(settings.concurrency()).isEqualTo(16);
            assertThat(settings.retry()).isEqualTo(new ProviderLimitSettings.Retry(4, Duration.ofMillis(500), 2.0,
                    0.5, Duration.ofSeconds(30)));
            assertThat(settings.circuit()).isEqualTo(new ProviderLimitSettings.Circuit(3, Duration.ofMinutes(1),
                    Duration.ofHours(1)));
            assertThat(app).hasSingleBean(ProviderGuards.class).hasSingleBean(ConnectionCircuits.class);
        });
    }

    @Test
    void readsEnvironmentVariables() {
        context.withInitializer(app -> app.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("FIRESYNC_PROVIDER_RATELIMIT_REQUESTSPERSECOND", "95",
                                "FIRESYNC_PROVIDER_CIRCUIT_MAXCOOLDOWN", "2h"))))
                .run(app -> {
                    ProviderLimitSettings settings = app.getBean(ProviderLimitSettings.class);
                    assertThat(settings.rateLimit().requestsPerSecond()).isEqualTo(95);
                    assertThat(settings.rateLimit().permitInterval()).isEqualTo(Duration.ofNanos(10_526_316));
                    assertThat(settings.rateLimit().batchSize()).isEqualTo(19);
                    assertThat(settings.circuit().maxCoolDown()).isEqualTo(Duration.ofHours(2));
                });
    }

    @Test
    void refusesLimitsThatCannotWork() {
        context.withPropertyValues("firesync.provider.concurrency=0").run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("firesync.provider.rate-limit.requests-per-second=0")
                .run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("firesync.provider.retry.initial-backoff=0s")
                .run(app -> assertThat(app).hasFailed());
        context.withPropertyValues("firesync.provider.rate-limit.batch=0s").run(app -> assertThat(app).hasFailed());
    }
}
