package com.firesync.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a sync run ended, as {@code sync_runs.outcome} keeps it (its lower-case code).
 */
public enum RunOutcome {

    /** Everything read was committed; the connection is active. */
    SYNCED,

    /** The run stopped on a failure; what it committed before stays. */
    FAILED,

    /** Its instance died before the end: the health check closes the run once its lease is over. */
    ABANDONED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
