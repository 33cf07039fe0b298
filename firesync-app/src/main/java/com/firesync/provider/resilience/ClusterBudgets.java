package com.firesync.provider.resilience;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Each provider's rate limit as one budget shared by every instance on the same PostgreSQL: a Bucket4j token bucket
 * per provider in {@code provider_budgets}, refilled at {@code requests-per-second} and holding one batch at most,
 * from which each instance takes its permits a batch at a time ({@link SharedRatePermits}). An instance joins by
 * using the row; nothing registers it, and nothing needs returning when it dies.
 *
 * <p>
 * The bucket's settings are those of the instance started last: each instance stamps them with its start time, and
 * Bucket4j replaces the stored settings when it meets a newer stamp (the tokens left are kept), so a rolling restart
 * with a new rate moves the whole cluster to it.
 */
final class ClusterBudgets implements RateBudgets {

    private final ProxyManager<String> buckets;

    private final ProviderLimitSettings.RateLimit rate;

    private final long version;

    private final MeterRegistry meters;

    ClusterBudgets(DataSource dataSource, ProviderLimitSettings.RateLimit rate, Clock clock, MeterRegistry meters) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("provider_budgets")
                .idColumn("provider")
                .stateColumn("state")
                .build();
        this.rate = rate;
        this.version = clock.millis();
        this.meters = meters;
    }

    @Override
    public RatePermits permits(String provider) {
        int batch = rate.batchSize();
        Duration refillOfABatch = rate.permitInterval().multipliedBy(batch);
        BucketConfiguration settings = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(batch).refillGreedy(batch, refillOfABatch))
                .build();
        var budget = buckets.builder()
                .withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
                .build(provider, () -> settings);
        return new SharedRatePermits(budget, batch, refillOfABatch, rate.maxWait(), System::nanoTime,
                ProviderMetrics.budgetBatches(meters, provider));
    }
}
