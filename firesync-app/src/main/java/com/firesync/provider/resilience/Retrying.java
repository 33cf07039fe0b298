package com.firesync.provider.resilience;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one provider's failed operations: transient failures only, with exponential backoff and jitter, never
 * sooner than the provider's {@code Retry-After}. Resilience4j decides whether and how long to wait; the wait itself
 * goes through a {@link Sleeper}, because Resilience4j's own blocking retry sleeps through a static hook.
 */
final class Retrying {

    private static final Logger log = LoggerFactory.getLogger(Retrying.class);

    private final Retry retry;

    private final Sleeper sleeper;

    private final Counter retries;

    Retrying(Retry retry, Sleeper sleeper, Counter retries) {
        this.retry = retry;
        this.sleeper = sleeper;
        this.retries = retries;
    }

    static RetryConfig config(ProviderLimitSettings.Retry settings) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                settings.multiplier(), settings.jitter(), settings.maxBackoff());
        return RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(Retrying::retryable)
                .intervalBiFunction(wait(backoff, settings.maxBackoff()))
                .build();
    }

    /**
     * Runs the operation, again after each retryable failure until the attempts run out.
     *
     * @throws ProviderException the last failure
     */
    <T> T call(Supplier<T> operation) {
        Retry.AsyncContext<T> context = retry.asyncContext();
        while (true) {
            try {
                T result = operation.get();
                context.onComplete();
                return result;
            } catch (ProviderException e) {
                // the asynchronous context answers the wait instead of sleeping: a negative one means give up
                long millis = context.onError(e);
                if (millis < 0) {
                    throw e;
                }
                retries.increment();
                // the message names the operation and the failure only, never a token
                log.info("{}; retrying in {} ms", e.getMessage(), millis);
                sleeper.sleep(Duration.ofMillis(millis));
            }
        }
    }

    private static boolean retryable(Throwable error) {
        // a saturated gate already waited its full bound: retrying would only queue the same load again
        return error instanceof ProviderException e && e.failure().retryable()
                && !ProviderCallGate.SATURATED.equals(e.failure().code());
    }

    /**
     * The backoff, or the provider's {@code Retry-After} when longer; no retry (a negative wait) when the provider
     * asks for more than the longest backoff, since retrying sooner would only be refused again.
     */
    private static IntervalBiFunction<Object> wait(IntervalFunction backoff, Duration maxBackoff) {
        return (attempt, outcome) -> {
            long millis = backoff.apply(attempt);
            Duration retryAfter = retryAfter(outcome);
            if (retryAfter.compareTo(maxBackoff) > 0) {
                return -1L;
            }
            return Math.max(millis, retryAfter.toMillis());
        };
    }

    private static Duration retryAfter(Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof ProviderException e) {
            ProviderFailure failure = e.failure();
            return failure.retryAfter().orElse(Duration.ZERO);
        }
        return Duration.ZERO;
    }
}
