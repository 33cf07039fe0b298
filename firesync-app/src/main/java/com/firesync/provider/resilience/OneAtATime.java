package com.firesync.provider.resilience;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.util.function.Supplier;

/**
 * Admits calls through a bulkhead only, failing as {@link ProviderCallGate#SATURATED} when no slot came in time.
 */
final class OneAtATime implements ProviderCallGate {

    private final Bulkhead bulkhead;

    OneAtATime(Bulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    @Override
    public <T> T call(String operation, Supplier<T> request) {
        if (!bulkhead.tryAcquirePermission()) {
            throw new ProviderException(operation, new ProviderFailure.Transient(SATURATED, null));
        }
        try {
            return request.get();
        } finally {
            bulkhead.onComplete();
        }
    }
}
