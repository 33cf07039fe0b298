package com.firesync.user;

import com.firesync.user.Users.TokenOwner;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Tokens this instance authenticated recently, by hash, so that a request with a known token skips the database. An
 * entry lives at most {@link #TTL} after it was read from the database: a token revoked on another instance stops
 * working here within that time. One revoked through this instance is forgotten at once, and a look-up that read the
 * database before that revocation is not kept. Only valid tokens are kept, at most {@link #MAX_ENTRIES}.
 */
final class TokenCache {

    static final Duration TTL = Duration.ofSeconds(10);

    static final int MAX_ENTRIES = 10_000;

    private final Cache<String, TokenOwner> owners;

    private final Object lock = new Object();

    /** Bumped by every revocation; a look-up keeps its result only if none happened while it read the database. */
    private long generation;

    TokenCache(Ticker ticker) {
        owners = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).ticker(ticker).build();
    }

    @Nullable
    TokenOwner get(String hash) {
        return owners.getIfPresent(hash);
    }

    /**
     * Where revocations stand; read it before looking a token up in the database and pass it to {@link #put}.
     */
    long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /**
     * Keeps an owner read from the database, unless a token was revoked since {@code readAt} (then the owner may be
     * stale and the next request reads the database again).
     */
    void put(String hash, TokenOwner owner, long readAt) {
        synchronized (lock) {
            if (generation == readAt) {
                owners.put(hash, owner);
            }
        }
    }

    /**
     * Forgets every token of a user (an erasure revoked them all).
     */
    void forgetUser(long userId) {
        synchronized (lock) {
            generation++;
            owners.asMap().values().removeIf(owner -> owner.caller().userId() == userId);
        }
    }

    /**
     * Forgets a revoked token.
     */
    void forget(long tokenId) {
        synchronized (lock) {
            generation++;
            owners.asMap().values().removeIf(owner -> owner.tokenId() == tokenId);
        }
    }
}
