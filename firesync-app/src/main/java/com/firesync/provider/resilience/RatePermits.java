package com.firesync.provider.resilience;

/**
 * The rate permits of one provider: each request takes one before it leaves, waiting at most the configured
 * {@code max-wait}.
 */
interface RatePermits {

    /**
     * Waits until the next request may leave.
     *
     * @return how the permit came, or that none came within the wait
     * @throws InterruptedException when the wait was interrupted (a shutdown)
     */
    Admission take() throws InterruptedException;

    /** How a request was admitted. */
    enum Admission {
        /** A permit was there. */
        AT_ONCE,
        /** A permit came after a wait. */
        AFTER_WAIT,
        /** No permit came within the wait. */
        REFUSED
    }
}
