package com.firesync.provider.resilience;

import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A circuit per FireSync connection, so that a connection whose bank keeps failing is left alone for a while instead
 * of being retried on every run. It opens after a number of transient failures in a row, lets one probe sync through
 * once its cool-down ends, and doubles the cool-down each time the probe fails, up to a maximum. A success closes it.
 * <p>
 * Only transient failures count. One that needs the user, a rejected token or a permanent error is the connection
 * state machine's business: the provider gave a definite answer, so it ends the run of transient failures like a
 * success. A provider-wide 429 and FireSync's own saturation say nothing about one connection and change nothing.
 * Circuits live in memory and only for connections that failed since their last success.
 * <p>
 * Use: {@code if (circuits.allows(id)) { sync; recordSuccess(id) or recordFailure(id, failure) }}.
 */
public final class ConnectionCircuits {

    private final Map<Long, Circuit> circuits = new ConcurrentHashMap<>();

    private final ProviderLimitSettings.Circuit settings;

    private final Clock clock;

    ConnectionCircuits(ProviderLimitSettings.Circuit settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Whether a sync of the connection may run now. When the circuit is half open this lets exactly one caller
     * through, as the probe, so call it only right before syncing.
     */
    public boolean allows(long connectionId) {
        Instant now = clock.instant();
        AtomicBoolean allowed = new AtomicBoolean(true);
        circuits.computeIfPresent(connectionId, (id, circuit) -> {
            if (circuit.state(now) == CircuitState.CLOSED) {
                return circuit;
            }
            boolean probe = circuit.probeDue(now);
            allowed.set(probe);
            return probe ? circuit.probing(now) : circuit;
        });
        return allowed.get();
    }

    /**
     * A sync of the connection succeeded: its circuit closes and is forgotten.
     */
    public void recordSuccess(long connectionId) {
        circuits.remove(connectionId);
    }

    /**
     * A sync of the connection failed. Counts only transient failures of the connection itself.
     */
    public void recordFailure(long connectionId, ProviderFailure failure) {
        if (saysNothingAboutTheConnection(failure)) {
            return;
        }
        if (!(failure instanceof ProviderFailure.Transient)) {
            // a definite answer from the provider: whatever was passing is over
            circuits.remove(connectionId);
            return;
        }
        Instant now = clock.instant();
        circuits.compute(connectionId, (id, circuit) -> (circuit == null
                ? Circuit.closed(settings.initialCoolDown())
                : circuit).failed(now, settings.failureThreshold(), settings.maxCoolDown()));
    }

    /**
     * The connection's circuit state now.
     */
    public CircuitState state(long connectionId) {
        Circuit circuit = circuits.get(connectionId);
        return circuit == null ? CircuitState.CLOSED : circuit.state(clock.instant());
    }

    /**
     * How many connections have a circuit in each state now (a connection without a circuit is closed and not
     * counted): what the circuit gauges show.
     */
    public Map<CircuitState, Long> counts() {
        Instant now = clock.instant();
        Map<CircuitState, Long> counts = new java.util.EnumMap<>(CircuitState.class);
        for (CircuitState state : CircuitState.values()) {
            counts.put(state, 0L);
        }
        circuits.values().forEach(circuit -> counts.merge(circuit.state(now), 1L, Long::sum));
        return counts;
    }

    /**
     * When the connection's open circuit lets a probe through; empty unless the circuit is open.
     */
    public Optional<Instant> openUntil(long connectionId) {
        Circuit circuit = circuits.get(connectionId);
        if (circuit == null || circuit.state(clock.instant()) != CircuitState.OPEN) {
            return Optional.empty();
        }
        return Optional.ofNullable(circuit.openUntil());
    }

    /**
     * Orders connection ids so that those that failed since their last success come first, the most failing first:
     * a bulk run retries them before the healthy ones.
     */
    public Comparator<Long> failingFirst() {
        return Comparator.comparingInt((Long id) -> {
            Circuit circuit = circuits.get(id);
            return circuit == null ? 0 : circuit.failures();
        }).reversed();
    }

    private static boolean saysNothingAboutTheConnection(ProviderFailure failure) {
        return failure instanceof ProviderFailure.RateLimited || ProviderCallGate.SATURATED.equals(failure.code());
    }
}
