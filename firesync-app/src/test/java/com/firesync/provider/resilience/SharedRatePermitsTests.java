package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The allowance an instance keeps from the shared budget, over a Bucket4j bucket in memory driven by a hand-moved
 * clock (the PostgreSQL bucket is exercised by {@code ProviderBudgetClusterTests}).
 */
class SharedRatePermitsTests {

    private static final Duration REFILL = Duration.ofMillis(200);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    // 20 requests a second, four permits (200 ms of it) at a time
    private final Bucket budget = Bucket.builder()
            .addLimit(limit -> limit.capacity(4).refillGreedy(4, REFILL))
            .withCustomTimePrecision(new TimeMeter() {

                @Override
                public long currentTimeNanos() {
                    return nanos.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            })
            .build();

    private final SharedRatePermits permits = new SharedRatePermits(budget, 4, REFILL, Duration.ofMillis(50),
            nanos::get);

    @Test
    void takesABatchFromTheSharedBudgetAndServesItLocally() throws Exception {
        assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);
        assertThat(budget.getAvailableTokens()).as("the whole batch taken at once").isZero();

        for (int i = 0; i < 3; i++) {
            assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);
        }
        assertThat(budget.getAvailableTokens()).isZero();
        assertThat(permits.take()).as("a fifth request needs the next batch, 200 ms away")
                .isEqualTo(RatePermits.Admission.REFUSED);
    }

    @Test
    void dropsTheRestOfAnAllowanceOnceTheBudgetCouldHaveRefilledIt() throws Exception {
        permits.take();
        nanos.addAndGet(REFILL.toNanos());
        assertThat(budget.getAvailableTokens()).isEqualTo(4);

        assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);

        assertThat(budget.getAvailableTokens()).as("a new batch taken, the three stale permits dropped").isZero();
    }

    @Test
    void refusesWhenTheBudgetCannotGrantABatchWithinTheWaitAndTakesNothing() throws Exception {
        budget.tryConsume(2);

        assertThat(permits.take()).isEqualTo(RatePermits.Admission.REFUSED);

        assertThat(budget.getAvailableTokens()).isEqualTo(2);
        nanos.addAndGet(REFILL.toNanos() / 2);
        assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);
        assertThat(budget.getAvailableTokens()).isZero();
    }
}
