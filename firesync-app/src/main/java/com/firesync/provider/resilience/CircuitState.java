package com.firesync.provider.resilience;

/**
 * Whether a connection's circuit lets a sync through.
 */
public enum CircuitState {

    /** Syncs run normally. */
    CLOSED,

    /** Too many transient failures in a row: no sync until the cool-down ends. */
    OPEN,

    /** The cool-down ended: one probe sync may run; its outcome closes the circuit or opens it for longer. */
    HALF_OPEN
}
