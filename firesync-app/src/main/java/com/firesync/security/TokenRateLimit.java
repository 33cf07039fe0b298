package com.firesync.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token (keyed by the token's hash, never the token), in memory on this instance. Time comes
 * from the application's clock. The map is bounded: past {@link #MAX_BUCKETS} tokens, buckets back to full capacity
 * (idle tokens) are dropped, which forgets nothing a caller could gain from.
 */
class TokenRateLimit {

    static final int MAX_BUCKETS = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final SecuritySettings.RateLimit settings;

    private final TimeMeter time;

    TokenRateLimit(SecuritySettings.RateLimit settings, Clock clock) {
        this.settings = settings;
        this.time = new ClockTime(clock);
    }

    /**
     * Takes one request from a token's allowance.
     *
     * @return empty when the request may go ahead, else how many seconds to wait before the next one will
     */
    OptionalLong tryAcquire(String tokenHash) {
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(tokenHash)) {
            evictIdle();
        }
        var probe = buckets.computeIfAbsent(tokenHash, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, Duration.ofNanos(nanos).toSeconds() + (nanos % 1_000_000_000L > 0 ? 1 : 0)));
    }

    private void evictIdle() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= settings.burst());
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
    }

    private Bucket newBucket() {
        var limit = Bandwidth.builder()
                .capacity(settings.burst())
                .refillGreedy(settings.requestsPerMinute(), Duration.ofMinutes(1))
                .build();
        return Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build();
    }

    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
