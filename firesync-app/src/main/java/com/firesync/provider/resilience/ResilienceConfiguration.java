package com.firesync.provider.resilience;

import com.firesync.runtime.DatabaseKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the provider guards and the connection circuits. The Resilience4j registries and the Bucket4j buckets stay
 * inside {@link ProviderGuards}: no Resilience4j or Bucket4j type becomes a bean other modules could inject.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderLimitSettings.class)
class ResilienceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResilienceConfiguration.class);

    @Bean
    Sleeper backoffSleeper() {
        return Sleeper.real();
    }

    @Bean
    ProviderGuards providerGuards(ProviderLimitSettings settings, Sleeper sleeper,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<DataSource> dataSource, Environment environment,
            Clock clock) {
        // without Actuator (slim test contexts) the meters are kept but not published
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return new ProviderGuards(settings, budgets(settings.rateLimit(), dataSource, environment, clock, registry),
                sleeper, registry);
    }

    @Bean
    ConnectionCircuits connectionCircuits(ProviderLimitSettings settings, Clock clock) {
        return new ConnectionCircuits(settings.circuit(), clock);
    }

    /** On PostgreSQL several instances may run, so they share one budget; the embedded H2 has one instance only. */
    private static RateBudgets budgets(ProviderLimitSettings.RateLimit rate, ObjectProvider<DataSource> dataSource,
            Environment environment, Clock clock, MeterRegistry meters) {
        DataSource shared = dataSource.getIfAvailable();
        if (shared == null || DatabaseKind.configured(environment) != DatabaseKind.POSTGRESQL) {
            return new InstanceBudgets(rate);
        }
        log.info("Provider rate limit of {} requests/s shared by every instance on the database, {} permits at a time",
                rate.requestsPerSecond(), rate.batchSize());
        return new ClusterBudgets(shared, rate, clock, meters);
    }
}
