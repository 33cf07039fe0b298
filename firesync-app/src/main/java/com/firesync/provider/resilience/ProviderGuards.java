package com.firesync.provider.resilience;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderCallGate;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resilience of each provider, one named instance per provider ({@code powens}) shared by every caller in the
 * instance, its rate permits drawn from this instance's limiter or the cluster's shared budget ({@link RateBudgets}). A provider's wiring asks for its {@link #gate(String) gate}, sends every HTTP request through it, and
 * exposes the {@link #guard(BankingProvider) guarded} provider as its bean.
 */
public final class ProviderGuards {

    private final ProviderLimitSettings settings;

    private final Sleeper sleeper;

    private final MeterRegistry meters;

    private final RateBudgets budgets;

    private final BulkheadRegistry bulkheads;

    private final RetryRegistry retries;

    private final Map<String, ProviderCallGate> gates = new ConcurrentHashMap<>();

    ProviderGuards(ProviderLimitSettings settings, Sleeper sleeper, MeterRegistry meters) {
        this(settings, new InstanceBudgets(settings.rateLimit()), sleeper, meters);
    }

    ProviderGuards(ProviderLimitSettings settings, RateBudgets budgets, Sleeper sleeper, MeterRegistry meters) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.meters = meters;
        this.budgets = budgets;
        ProviderLimitSettings.RateLimit rate = settings.rateLimit();
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.concurrency())
                .maxWaitDuration(rate.maxWait())
                .build());
        this.retries = RetryRegistry.of(Retrying.config(settings.retry()));
    }

    /**
     * The gate every HTTP request to the provider passes: its rate permits (this instance's, or the cluster's shared
     * budget) and its concurrency bound (this instance's), created once per provider name.
     */
    public ProviderCallGate gate(String provider) {
        return gates.computeIfAbsent(provider, name -> new ProviderGate(name, bulkheads.bulkhead(name),
                budgets.permits(name), meters));
    }

    /**
     * The provider with its operations retried where that is safe, and forced refreshes admitted one at a time. Its
     * client must send each request through {@link #gate(String) gate(provider.name())}.
     */
    public BankingProvider guard(BankingProvider provider) {
        String name = provider.name();
        Bulkhead forcedRefreshes = bulkheads.bulkhead(name + "-forced-refresh", BulkheadConfig.custom()
                .maxConcurrentCalls(1)
                .maxWaitDuration(settings.rateLimit().maxWait())
                .build());
        Retrying retrying = new Retrying(retries.retry(name), sleeper, ProviderMetrics.retries(meters, name));
        return new GuardedProvider(provider, retrying, new OneAtATime(forcedRefreshes));
    }
}
