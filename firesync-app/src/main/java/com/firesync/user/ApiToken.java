package com.firesync.user;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An API token as its owner may see it: never the token itself nor its hash.
 *
 * @param id the token's id, to revoke it
 * @param prefix the first characters of the token, to tell tokens apart
 * @param createdAt when it was issued
 * @param lastUsedAt when it last authenticated a request (to the minute), if ever
 * @param revoked whether it was revoked
 */
public record ApiToken(long id, String prefix, Instant createdAt, @Nullable Instant lastUsedAt, boolean revoked) {
}
