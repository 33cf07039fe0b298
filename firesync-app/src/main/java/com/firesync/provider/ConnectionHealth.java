package com.firesync.provider;

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
    FAILING
}
