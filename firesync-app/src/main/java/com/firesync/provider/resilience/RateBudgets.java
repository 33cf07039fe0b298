package com.firesync.provider.resilience;

/**
 * Where each provider's rate permits come from: this instance alone ({@link InstanceBudgets}), or a budget every
 * instance on the same PostgreSQL shares ({@link ClusterBudgets}).
 */
@FunctionalInterface
interface RateBudgets {

    /** The permits of one provider; asked once per provider name. */
    RatePermits permits(String provider);
}
