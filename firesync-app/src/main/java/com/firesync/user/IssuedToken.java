package com.firesync.user;

import java.time.Instant;

/**
 * A token just issued, shown in clear this once.
 *
 * @param id the token's id, to revoke it
 * @param userId its owner
 * @param token the token in clear; only its hash is stored
 * @param createdAt when it was issued
 */
public record IssuedToken(long id, long userId, String token, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", userId=" + userId + ", token=<redacted>, createdAt=" + createdAt + "]";
    }
}
