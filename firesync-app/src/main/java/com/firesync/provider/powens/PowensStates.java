package com.firesync.provider.powens;

import com.firesync.provider.ConnectionHealth;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Powens' connection states and the error codes that share their names, sorted by who can end them: the user, time,
 * or nobody FireSync knows of. Unknown values are a generic failure, as Powens asks integrators to treat them.
 */
final class PowensStates {

    private static final Set<String> USER_ACTION = Set.of("SCARequired", "webauthRequired", "wrongpass",
            "passwordExpired", "actionNeeded", "decoupled", "additionalInformationNeeded");

    private static final Set<String> TEMPORARY = Set.of("websiteUnavailable", "rateLimiting", "bug", "validating");

    private PowensStates() {
    }

    /**
     * What a connection state means ({@code null} when the last sync succeeded).
     */
    static ConnectionHealth health(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return ConnectionHealth.OK;
        }
        if (USER_ACTION.contains(state)) {
            return ConnectionHealth.NEEDS_USER_ACTION;
        }
        if ("validating".equals(state)) {
            return ConnectionHealth.PENDING;
        }
        return TEMPORARY.contains(state) ? ConnectionHealth.TEMPORARILY_FAILING : ConnectionHealth.FAILING;
    }

    /** Whether a state or error code asks for the user. */
    static boolean needsUser(@Nullable String code) {
        return code != null && USER_ACTION.contains(code);
    }

    /** Whether a state or error code describes a failure that passes on its own. */
    static boolean isTemporary(@Nullable String code) {
        return code != null && TEMPORARY.contains(code);
    }
}
