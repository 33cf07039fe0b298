package com.firesync.sandbox.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.webhook.BackgroundRefresh;
import com.firesync.sandbox.world.ShiftableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/control}, on only with {@code firesync.sandbox.control=true}: lets a load test in another
 * process move the bank's clock forward (every connection then refreshes, as the bank would have meanwhile) and turn
 * the provider-wide latency, fault rate and rate limit. Fields left out keep their value.
 */
@RestController
@ConditionalOnSandbox
@ConditionalOnBooleanProperty("firesync.sandbox.control")
class SandboxControlController {

    private final Clock clock;

    private final TrafficKnobs knobs;

    private final BackgroundRefresh refresh;

    SandboxControlController(Clock clock, TrafficKnobs knobs, BackgroundRefresh refresh) {
        this.clock = clock;
        this.knobs = knobs;
        this.refresh = refresh;
    }

    @PostMapping("/sandbox/control")
    Map<String, Object> control(@RequestBody Change change) {
        TrafficKnobs.Knobs current = knobs.current();
        Duration latency = change.latency() == null ? current.latency() : change.latency();
        double faultRate = change.faultRate() == null ? current.faultRate() : change.faultRate();
        double rateLimit = change.rateLimit() == null ? current.rateLimit() : change.rateLimit();
        if (latency.isNegative() || faultRate < 0 || faultRate > 1 || rateLimit < 0
                || change.advance() != null && change.advance().isNegative()) {
            throw new PowensError(HttpStatus.BAD_REQUEST, "invalidValue",
                    "latency, advance and rate_limit must not be negative; fault_rate is between 0 and 1.");
        }
        int refreshed = 0;
        if (change.advance() != null && !change.advance().isZero()) {
            if (!(clock instanceof ShiftableClock shiftable)) {
                throw new PowensError(HttpStatus.BAD_REQUEST, "invalidValue",
                        "This sandbox runs on a clock that cannot be moved.");
            }
            shiftable.advance(change.advance());
            refreshed = refresh.refreshDue();
        }
        TrafficKnobs.Knobs now = knobs.set(latency, faultRate, rateLimit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("now", clock.instant().toString());
        body.put("latency", now.latency().toString());
        body.put("fault_rate", now.faultRate());
        body.put("rate_limit", now.rateLimit());
        body.put("refreshed", refreshed);
        return body;
    }

    /**
     * @param advance how far to move the bank's clock forward
     * @param latency the new latency of every API call
     * @param faultRate the new share of API calls answering 503
     * @param rateLimit the new provider-wide requests per second, zero for none
     */
    record Change(@Nullable Duration advance, @Nullable Duration latency,
            @JsonProperty("fault_rate") @Nullable Double faultRate,
            @JsonProperty("rate_limit") @Nullable Double rateLimit) {
    }
}
