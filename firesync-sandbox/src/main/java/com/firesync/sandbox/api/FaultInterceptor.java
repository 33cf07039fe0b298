package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.SandboxFaults;
import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.Scenario;
import com.firesync.sandbox.world.Scenario.Kind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs before every API call: the provider-wide knobs (rate limit, fault rate, latency), bearer authentication, then
 * the faults of the caller's Test Bank scenarios (every scenario of the user's connections applies to the user's
 * {@code /users/me} calls).
 */
@Component
@ConditionalOnSandbox
class FaultInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final SandboxWorld world;

    private final Tokens tokens;

    private final TrafficKnobs knobs;

    private final AtomicLong calls = new AtomicLong();

    /** Calls past the rate limit: the provider-wide fault rate places its faults among these. */
    private final AtomicLong served = new AtomicLong();

    private final AtomicLong rateLimited = new AtomicLong();

    private final SandboxFaults faults;

    FaultInterceptor(SandboxWorld world, Tokens tokens, TrafficKnobs knobs, SandboxFaults faults) {
        this.faults = faults;
        this.world = world;
        this.tokens = tokens;
        this.knobs = knobs;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TrafficKnobs.Knobs now = knobs.current();
        // a slow provider is slow to refuse too
        pause(now.latency());
        calls.incrementAndGet();
        now.limiter().acquire(world.now()).ifPresent(seconds -> {
            rateLimited.incrementAndGet();
            throw new PowensError(HttpStatus.TOO_MANY_REQUESTS, "rateLimiting", "Too many requests.", seconds);
        });
        if (Spread.fails(served.incrementAndGet(), now.faultRate())) {
            throw new PowensError(HttpStatus.SERVICE_UNAVAILABLE, "websiteUnavailable",
                    "The service is temporarily unavailable.");
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            tokens.authenticate(header.substring(BEARER.length())).ifPresent(bearer -> {
                request.setAttribute(SandboxAttributes.BEARER, bearer);
                if (request.getRequestURI().contains("/2.0/users/")) {
                    scenarioFaults(request, bearer.user());
                }
            });
        }
        return true;
    }

    private void scenarioFaults(HttpServletRequest request, SandboxUser user) {
        long k = user.nextRequest();
        request.setAttribute(SandboxAttributes.SEQUENCE, k);
        if (!faults.injecting()) {
            return;
        }
        Set<Scenario> scenarios = world.connections(user)
                .stream()
                .map(SandboxConnection::scenario)
                .collect(Collectors.toSet());
        request.setAttribute(SandboxAttributes.SCENARIOS, scenarios);
        for (Scenario scenario : scenarios) {
            if (scenario.is(Kind.SLOW)) {
                pause(Duration.ofMillis(scenario.parameter()));
            } else if (scenario.is(Kind.RATELIMIT) && Spread.fails(k, scenario.share())) {
                throw new PowensError(HttpStatus.TOO_MANY_REQUESTS, "rateLimiting", "Too many requests.", 1);
            } else if (scenario.is(Kind.FLAKY) && Spread.fails(k, scenario.share())) {
                // alternate the two 5xx flavours from one failure to the next
                throw (long) Math.floor(k * scenario.share()) % 2 == 1
                        ? new PowensError(HttpStatus.SERVICE_UNAVAILABLE, "websiteUnavailable",
                                "The bank website is unavailable.")
                        : new PowensError(HttpStatus.INTERNAL_SERVER_ERROR, "bug", "An internal error has occurred.");
            }
        }
    }

    /** Calls to the API so far, refused ones included. */
    long calls() {
        return calls.get();
    }

    /** Calls refused by the provider-wide rate limit (429) so far. */
    long rateLimited() {
        return rateLimited.get();
    }

    /** Simulated latency is the point here, so this waits in real time. */
    private static void pause(Duration latency) {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
