package com.firesync.provider.resilience;

import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import java.time.Duration;

/**
 * Waits before a retry. Production really sleeps; tests record the waits asked for instead.
 */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration);

    /**
     * Sleeps on the current thread (cheap on a virtual thread). An interrupt ends the wait as a transient failure,
     * with the interrupt flag kept, so that a shutdown stops a backoff at once.
     */
    static Sleeper real() {
        return duration -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("Backoff", new ProviderFailure.Transient("interrupted", null), e);
            }
        };
    }
}
