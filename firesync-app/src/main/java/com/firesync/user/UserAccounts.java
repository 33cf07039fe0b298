package com.firesync.user;

import com.firesync.shared.ApiException;
import com.firesync.shared.Caller;
import com.firesync.shared.Role;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates users, issues, lists and revokes their API tokens, and authenticates presented tokens.
 */
@Service
public class UserAccounts {

    public static final int LISTED_USERS = 1000;

    private final Users users;

    private final Clock clock;

    private final TokenCache cache = new TokenCache(Ticker.systemTicker());

    UserAccounts(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * Creates a user with a fresh API token, returned in clear this once.
     */
    @Transactional
    public NewUser create(String name, Role role) {
        long id = users.insert(name, role);
        String token = ApiTokenFormat.generate();
        users.insertToken(id, token);
        return new NewUser(id, name, role, token);
    }

    /**
     * Issues one more token to an existing user (a user may hold several, to rotate them without downtime).
     *
     * @throws ApiException 404 when there is no such user
     */
    @Transactional
    public IssuedToken issueToken(long userId) {
        if (!users.exists(userId)) {
            throw ApiException.notFound("user");
        }
        String token = ApiTokenFormat.generate();
        long id = users.insertToken(userId, token);
        return new IssuedToken(id, userId, token, clock.instant());
    }

    /**
     * The users (those being erased left out), oldest first, at most {@value #LISTED_USERS}: the admin's overview of a
     * self-hosted instance, not a directory.
     */
    public List<UserSummary> users() {
        return users.list(LISTED_USERS);
    }

    /**
     * A user's tokens, revoked ones included, oldest first.
     */
    public List<ApiToken> tokens(long userId) {
        return users.tokensOf(userId);
    }

    /**
     * Revokes one of a user's tokens at once; revoking a revoked token again changes nothing. This instance refuses
     * the token as soon as the revocation commits; other instances within {@link TokenCache#TTL}.
     *
     * @throws ApiException 404 when the user holds no token with that id (another user's included)
     */
    @Transactional
    public void revoke(long userId, long tokenId) {
        if (!users.revoke(userId, tokenId)) {
            throw ApiException.notFound("token");
        }
        cache.forget(tokenId);
        afterCompletion(() -> cache.forget(tokenId));
    }

    /**
     * Starts a user's erasure: marks the user (who then looks absent to every user look-up) and revokes all their
     * tokens, refused at once by this instance (its token cache forgets them, again once the transaction ends, so that
     * a look-up racing the revocation is not kept) and within {@link TokenCache#TTL} by the others.
     *
     * @throws ApiException 404 when there is no such user or their erasure already started, 409 for an admin (an
     *         instance keeps the admin it was bootstrapped with)
     */
    @Transactional
    public void startErasure(long userId) {
        Role role = users.markErasing(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (role != Role.USER) {
            throw new ApiException(HttpStatus.CONFLICT, "admin_not_erasable", "An admin cannot be erased.");
        }
        users.revokeAll(userId);
        cache.forgetUser(userId);
        afterCompletion(() -> cache.forgetUser(userId));
    }

    private static void afterCompletion(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        }
    }

    /**
     * The caller a presented API token belongs to, if it is a valid, unrevoked token. The stored hash found by the
     * look-up is compared again in constant time, so that the answer never depends on how much of it matched. A token
     * authenticated within the last {@link TokenCache#TTL} is answered from memory; a database look-up also records
     * the token's use (at most once a minute, see {@link Users#touch}).
     */
    public Optional<Caller> authenticate(String token) {
        if (!ApiTokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = ApiTokenFormat.hash(token);
        Users.TokenOwner known = cache.get(hash);
        if (known != null) {
            return Optional.of(known.caller());
        }
        long readAt = cache.generation();
        return users.findByTokenHash(hash).filter(owner -> sameHash(owner.tokenHash(), hash)).map(owner -> {
            users.touch(owner.tokenId());
            cache.put(hash, owner, readAt);
            return owner.caller();
        });
    }

    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(stored), HexFormat.of().parseHex(presented));
    }
}
