package com.firesync.provider;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a provider connection's state means for FireSync, whatever the provider's own code for it. The raw code stays
 * on {@link ProviderConnection#state()}; an unknown code is {@link #FAILING}, never an error.
 */
public enum ConnectionHealth {

    /** The last refresh succeeded. */
    OK,

    /** The provider is still validating the connection; it resolves on its own. */
    PENDING,

    /** The last refresh failed for a reason that passes (bank down, bank rate limiting, provider bug). */
    TEMPORARILY_FAILING,

    /** Only the user can repair the connection (new credentials, SCA, consent renewal, an action at the bank). */
    NEEDS_USER_ACTION,

    /** A state FireSync does not know: treated as a generic failure, as Powens asks integrators to. */
    FAILING;

    private static final Set<String> USER_ACTION = Set.of("SCARequired", "webauthRequired", "wrongpass",
            "passwordExpired", "actionNeeded", "decoupled", "additionalInformationNeeded");

    private static final Set<String> TEMPORARY = Set.of("websiteUnavailable", "rateLimiting", "bug");

    /**
     * Classifies a Powens connection state ({@code null} means the last sync succeeded).
     */
    public static ConnectionHealth ofPowensState(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return OK;
        }
        if (USER_ACTION.contains(state)) {
            return NEEDS_USER_ACTION;
        }
        if (TEMPORARY.contains(state)) {
            return TEMPORARILY_FAILING;
        }
        return "validating".equals(state) ? PENDING : FAILING;
    }

    /**
     * Whether a Powens state or error code asks for the user, as opposed to waiting or retrying.
     */
    public static boolean needsUser(@Nullable String powensCode) {
        return powensCode != null && USER_ACTION.contains(powensCode);
    }

    /**
     * Whether a Powens state or error code describes a failure that passes on its own.
     */
    public static boolean isTemporary(@Nullable String powensCode) {
        return powensCode != null && (TEMPORARY.contains(powensCode) || "validating".equals(powensCode));
    }
}
