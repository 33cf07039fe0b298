package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketListener;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The allowance an instance keeps from the shared budget, over a Bucket4j bucket in memory driven by a hand-moved
 * clock (the PostgreSQL bucket is exercised by {@code ProviderBudgetClusterTests}). The shared bucket's answers are
 * recorded: each one is a round trip to the database in production.
 */
class SharedRatePermitsTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private final List<Long> taken = Collections.synchronizedList(new ArrayList<>());

    @Test
    void takesOnlyOnePermitForALoneRequest() throws Exception {
        // 20 requests a second, up to four permits (200 ms of it) at a time
        Bucket budget = budget(Duration.ofMillis(200));
        SharedRatePermits permits = new SharedRatePermits(budget, 4, Duration.ofMillis(200), Duration.ofMillis(50),
                nanos::get,
                new SimpleMeterRegistry().counter("batches"));

        assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);
        assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);

        assertThat(taken).as("permits taken from the shared budget per round trip").containsExactly(1L, 1L);
        assertThat(budget.getAvailableTokens()).isEqualTo(2);
    }

    @Test
    void takesAPermitForEveryWaitingRequestInOneRoundTrip() throws Exception {
        // four permits every two seconds of the hand-moved clock, so the first request waits half a second for one
        Bucket budget = budget(Duration.ofSeconds(2));
        budget.tryConsume(4);
        taken.clear();
        SharedRatePermits permits = new SharedRatePermits(budget, 4, Duration.ofSeconds(2), Duration.ofSeconds(5),
                nanos::get,
                new SimpleMeterRegistry().counter("batches"));

        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RatePermits.Admission> first = requests.submit(permits::take);
            await().atMost(Duration.ofSeconds(5)).until(() -> taken.size() == 1);
            List<Future<RatePermits.Admission>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(requests.submit(permits::take));
            }
            // the three queue behind the first, which waits for its permit; then the budget refills
            await().atMost(Duration.ofSeconds(5)).until(() -> permits.waiting() == 4);
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(RatePermits.Admission.AFTER_WAIT);
            for (Future<RatePermits.Admission> request : queued) {
                assertThat(request.get(5, TimeUnit.SECONDS)).isEqualTo(RatePermits.Admission.AFTER_WAIT);
            }
        }
        assertThat(taken).as("permits taken from the shared budget per round trip").containsExactly(1L, 3L);
        assertThat(budget.getAvailableTokens()).isZero();
    }

    @Test
    void refusesWhenTheBudgetCannotGrantAPermitWithinTheWaitAndTakesNothing() throws Exception {
        Bucket budget = budget(Duration.ofMillis(200));
        budget.tryConsume(4);
        SharedRatePermits permits = new SharedRatePermits(budget, 4, Duration.ofMillis(200), Duration.ofMillis(40),
                nanos::get,
                new SimpleMeterRegistry().counter("batches"));

        assertThat(permits.take()).as("the next permit is 50 ms away").isEqualTo(RatePermits.Admission.REFUSED);

        assertThat(budget.getAvailableTokens()).isZero();
        nanos.addAndGet(Duration.ofMillis(50).toNanos());
        assertThat(permits.take()).isEqualTo(RatePermits.Admission.AT_ONCE);
        assertThat(budget.getAvailableTokens()).isZero();
    }

    /** A budget of four permits, refilled in {@code refill}, on the hand-moved clock, recording what is taken. */
    private Bucket budget(Duration refill) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(4).refillGreedy(4, refill))
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
                .build()
                .toListenable(new Recorder());
    }

    private final class Recorder implements BucketListener {

        @Override
        public void onConsumed(long tokens) {
            taken.add(tokens);
        }

        @Override
        public void onRejected(long tokens) {
        }

        @Override
        public void onParked(long nanos) {
        }

        @Override
        public void onInterrupted(InterruptedException e) {
        }

        @Override
        public void onDelayed(long nanos) {
        }
    }
}
