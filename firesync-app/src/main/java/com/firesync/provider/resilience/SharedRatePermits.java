package com.firesync.provider.resilience;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate permits drawn from a budget shared with other instances, a batch at a time: this instance keeps a small
 * allowance and only goes back to the shared bucket when it is spent, taking as many permits as requests are waiting
 * for one, up to a batch. So under load the database is asked once per batch, not once per request, and no permit
 * is taken that no request is there to use (a permit taken ahead would be lost to the other instances).
 *
 * <p>
 * An allowance is usable only for as long as the budget takes to refill one batch, then its rest is dropped. So a
 * request never leaves on a permit the budget granted long before, and over any period the cluster sends at most
 * the rate plus two batches, however many instances hold allowances; an instance that dies loses its allowance, one
 * batch at most, and returns nothing. The shared bucket is asked while no database transaction is open: Bucket4j
 * reserves the batch in one short transaction, and the wait for the reserved permits happens after it.
 */
final class SharedRatePermits implements RatePermits {

    private static final Logger log = LoggerFactory.getLogger(SharedRatePermits.class);

    private final Bucket budget;

    private final int batch;

    private final long validNanos;

    private final long maxWaitNanos;

    private final LongSupplier nanoTime;

    private final Counter batches;

    // fair: requests queue for the allowance in arrival order; only the head refills it from the shared budget
    private final ReentrantLock allowanceLock = new ReentrantLock(true);

    private final AtomicInteger waiting = new AtomicInteger();

    private int allowance;

    private long expiresAt;

    /**
     * @param budget the shared bucket, holding at most one batch
     * @param batch the most permits taken from it at once
     * @param valid how long a batch stays usable once granted
     * @param maxWait the longest a request waits for its permit
     * @param nanoTime the monotonic clock ({@code System::nanoTime})
     * @param batches counts the batches taken from the shared bucket
     */
    SharedRatePermits(Bucket budget, int batch, Duration valid, Duration maxWait, LongSupplier nanoTime,
            Counter batches) {
        this.budget = budget;
        this.batch = batch;
        this.validNanos = valid.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.batches = batches;
    }

    @Override
    public Admission take() throws InterruptedException {
        long started = nanoTime.getAsLong();
        waiting.incrementAndGet();
        boolean waited = false;
        boolean locked = allowanceLock.tryLock();
        try {
            if (!locked) {
                waited = true;
                locked = allowanceLock.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS);
                if (!locked) {
                    return Admission.REFUSED;
                }
            }
            if (allowance == 0 || nanoTime.getAsLong() - expiresAt >= 0) {
                allowance = 0;
                Parking parking = new Parking();
                if (!refill(maxWaitNanos - (nanoTime.getAsLong() - started), parking)) {
                    return Admission.REFUSED;
                }
                waited |= parking.parked;
            }
            allowance--;
            return waited ? Admission.AFTER_WAIT : Admission.AT_ONCE;
        } finally {
            // no longer waiting before the next request may look: it must not take a permit for this one
            waiting.decrementAndGet();
            if (locked) {
                allowanceLock.unlock();
            }
        }
    }

    /** How many requests wait for a permit now, the one refilling the allowance included. */
    int waiting() {
        return waiting.get();
    }

    private boolean refill(long waitNanos, Parking parking) throws InterruptedException {
        if (waitNanos <= 0) {
            return false;
        }
        int wanted = Math.clamp(waiting.get(), 1, batch);
        try {
            if (!budget.asBlocking().tryConsume(wanted, waitNanos, parking)) {
                return false;
            }
        } catch (RuntimeException e) {
            // the database is away: no request leaves without a permit, and the failure is FireSync's own
            log.warn("Cannot take provider permits from the shared budget: {}", e.toString());
            return false;
        }
        batches.increment();
        allowance = wanted;
        expiresAt = nanoTime.getAsLong() + validNanos;
        return true;
    }

    /** Parks as Bucket4j asks, noting whether it had to. */
    private static final class Parking implements BlockingStrategy {

        private boolean parked;

        @Override
        public void park(long nanosToPark) throws InterruptedException {
            parked = true;
            BlockingStrategy.PARKING.park(nanosToPark);
        }
    }
}
