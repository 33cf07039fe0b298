package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.SandboxSettings;
import com.firesync.sandbox.world.SandboxWorld;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The provider-wide knobs as they stand: latency, fault rate and rate limit start from the settings and can be
 * turned while the sandbox runs ({@code POST /sandbox/control}), so that a load test sets up fast and then measures
 * under the limits it wants.
 */
@Component
@ConditionalOnSandbox
class TrafficKnobs {

    private final SandboxWorld world;

    private final AtomicReference<Knobs> knobs;

    TrafficKnobs(SandboxSettings settings, SandboxWorld world) {
        this.world = world;
        this.knobs = new AtomicReference<>(new Knobs(settings.latency(), settings.faultRate(), settings.rateLimit(),
                new RateLimit(settings.rateLimit(), world.now())));
    }

    Knobs current() {
        return knobs.get();
    }

    /** Sets the knobs given; a new rate limit starts with a full bucket. */
    Knobs set(Duration latency, double faultRate, double rateLimit) {
        return knobs.updateAndGet(old -> new Knobs(latency, faultRate, rateLimit,
                rateLimit == old.rateLimit() ? old.limiter() : new RateLimit(rateLimit, world.now())));
    }

    /**
     * @param latency added to every API call
     * @param faultRate share of API calls answering 503
     * @param rateLimit provider-wide requests per second, zero for none
     * @param limiter the token bucket enforcing {@code rateLimit}
     */
    record Knobs(Duration latency, double faultRate, double rateLimit, RateLimit limiter) {
    }
}
