package com.firesync.provider.powens;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.resilience.ProviderGuards;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the Powens client, guarded: every request it sends passes the {@code powens} rate limiter and concurrency
 * bound, and its operations are retried where safe. The guarded client is the only {@link BankingProvider} bean, so
 * that no caller can reach Powens around the limits.
 */
@Configuration(proxyBeanMethods = false)
class PowensConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PowensConfiguration.class);

    @Bean
    BankingProvider powensProvider(PowensSettings settings, Environment environment, Clock clock,
            ProviderGuards guards, ObjectProvider<MeterRegistry> meters) {
        var endpoints = new ListeningEndpoints(settings, environment);
        // fail at start-up, naming the setting, rather than on the first sync
        PowensEndpoints initial = endpoints.get();
        log.info("Powens client targets {} as client {}", initial.baseUrl(), initial.clientId());
        return guards.guard(new PowensClient(endpoints, settings, clock, guards.gate(PowensClient.NAME),
                meters.getIfAvailable(SimpleMeterRegistry::new)));
    }
}
