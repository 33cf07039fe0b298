package com.firesync.sandbox;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * A switch for the Test Bank scenarios' injected faults (flaky, ratelimit, malformed, truncated, slow), so that a test
 * can let a storm pass and check what a client converged to. The bank data, SCA states and churn stay as they are.
 */
@Component
@ConditionalOnSandbox
public class SandboxFaults {

    private final AtomicBoolean scenarioFaults = new AtomicBoolean(true);

    /** Whether scenario faults are injected now (the default). */
    public boolean injecting() {
        return scenarioFaults.get();
    }

    /** Stops injecting scenario faults. */
    public void stop() {
        scenarioFaults.set(false);
    }

    /** Injects scenario faults again. */
    public void resume() {
        scenarioFaults.set(true);
    }
}
