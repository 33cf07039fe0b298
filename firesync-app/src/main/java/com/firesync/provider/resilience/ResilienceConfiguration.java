package com.firesync.provider.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the provider guards and the connection circuits. The Resilience4j registries stay inside
 * {@link ProviderGuards}: no Resilience4j type becomes a bean other modules could inject.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderLimitSettings.class)
class ResilienceConfiguration {

    @Bean
    Sleeper backoffSleeper() {
        return Sleeper.real();
    }

    @Bean
    ProviderGuards providerGuards(ProviderLimitSettings settings, Sleeper sleeper,
            ObjectProvider<MeterRegistry> meters) {
        // without Actuator (slim test contexts) the meters are kept but not published
        return new ProviderGuards(settings, sleeper, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ConnectionCircuits connectionCircuits(ProviderLimitSettings settings, Clock clock) {
        return new ConnectionCircuits(settings.circuit(), clock);
    }
}
