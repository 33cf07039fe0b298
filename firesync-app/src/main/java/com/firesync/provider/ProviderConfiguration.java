package com.firesync.provider;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gathers the configured providers (each adapter's guarded bean) into the one {@link BankingProviders} every caller
 * uses.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    BankingProviders bankingProviders(List<BankingProvider> providers) {
        return new BankingProviders(providers);
    }
}
