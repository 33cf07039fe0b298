package com.firesync.provider.resilience;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard FireSync may push a provider, and how it backs off. The defaults live here and nowhere else.
 *
 * @param rateLimit the provider-wide request rate
 * @param concurrency how many requests may be in flight to one provider at once, across every sync in the instance
 * @param retry how failed operations are retried
 * @param circuit when a connection's circuit opens and how long it stays open
 */
@ConfigurationProperties("firesync.provider")
@Validated
record ProviderLimitSettings(@DefaultValue @Valid RateLimit rateLimit, @DefaultValue("16") @Min(1) int concurrency,
        @DefaultValue @Valid Retry retry, @DefaultValue @Valid Circuit circuit) {

    /**
     * @param requestsPerSecond the most requests per second sent to one provider, by all the instances on one
     *        PostgreSQL together; on H2 permits are spread evenly over the second, on PostgreSQL a burst goes above
     *        it by two batches at most
     * @param maxWait the longest a request waits for a permit, and then for a concurrency slot, before it fails as
     *        {@code saturated}
     * @param batch on PostgreSQL, where every instance shares the rate: how much of it an instance takes from the
     *        shared budget at once, as the time the rate takes to grant it (at least one permit); an instance asks
     *        the database once per batch, and loses at most one batch when it dies
     */
    record RateLimit(@DefaultValue("10") @Positive double requestsPerSecond, @DefaultValue("30s") Duration maxWait,
            @DefaultValue("200ms") Duration batch) {

        RateLimit {
            requirePositive(maxWait, "rate-limit.max-wait");
            requirePositive(batch, "rate-limit.batch");
        }

        /** How many permits an instance takes from the shared budget at once: a batch's worth, at least one. */
        int batchSize() {
            return (int) Math.max(1,
                    Math.min(Integer.MAX_VALUE, Math.floor(requestsPerSecond * batch.toNanos() / 1e9)));
        }

        /** The interval between two permits. */
        Duration permitInterval() {
            return Duration.ofNanos(Math.max(1, Math.round(1_000_000_000d / requestsPerSecond)));
        }
    }

    /**
     * @param maxAttempts the most attempts of one operation, the first included
     * @param initialBackoff the wait before the first retry, before jitter
     * @param multiplier how much the wait grows at each retry
     * @param jitter the random share added or removed from each wait (0.5: between half and one and a half times)
     * @param maxBackoff the longest wait before a retry; a provider asking for a longer {@code Retry-After} gets no
     *        retry at all, the failure goes back to the caller with its delay
     */
    record Retry(@DefaultValue("4") @Min(1) int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double jitter,
            @DefaultValue("30s") Duration maxBackoff) {

        Retry {
            requirePositive(initialBackoff, "retry.initial-backoff");
            requirePositive(maxBackoff, "retry.max-backoff");
        }
    }

    /**
     * @param failureThreshold how many transient failures in a row open a connection's circuit
     * @param initialCoolDown how long a circuit stays open the first time
     * @param maxCoolDown the longest a circuit stays open: the cool-down doubles after each failed probe up to this
     */
    record Circuit(@DefaultValue("3") @Min(1) int failureThreshold, @DefaultValue("1m") Duration initialCoolDown,
            @DefaultValue("1h") Duration maxCoolDown) {

        Circuit {
            requirePositive(initialCoolDown, "circuit.initial-cool-down");
            requirePositive(maxCoolDown, "circuit.max-cool-down");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("firesync.provider." + name + " must be positive");
        }
    }
}
