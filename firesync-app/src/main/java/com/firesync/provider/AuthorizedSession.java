package com.firesync.provider;

/**
 * What a provider that links one bank per authorisation answers once the user authorised it (an Enable Banking
 * session): the access that reads this connection only, and the connection.
 *
 * @param access the connection's own access (a secret: the Enable Banking session id)
 * @param connection the connection, with its consent expiry
 */
public record AuthorizedSession(ProviderToken access, ProviderConnection connection) {
}
