package com.firesync.sandbox.api;

/**
 * Request attributes set by {@link FaultInterceptor} for the handlers.
 */
final class SandboxAttributes {

    /** The authenticated {@code Tokens.Bearer}, when the request carried a live token. */
    static final String BEARER = SandboxAttributes.class.getName() + ".bearer";

    /** The caller's request sequence number, which places scenario faults. */
    static final String SEQUENCE = SandboxAttributes.class.getName() + ".sequence";

    /** The set of {@code Scenario}s of the caller's connections. */
    static final String SCENARIOS = SandboxAttributes.class.getName() + ".scenarios";

    private SandboxAttributes() {
    }
}
