package com.firesync.provider;

/**
 * A user created at the provider, with the token that acts for it.
 *
 * @param id the provider's user id (Powens {@code id_user}), kept as text
 * @param token the user's permanent access token (a secret)
 */
public record ProviderUser(String id, ProviderToken token) {
}
