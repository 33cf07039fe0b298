package com.firesync.user;

import com.firesync.shared.ApiException;
import com.firesync.shared.Caller;
import com.firesync.shared.Role;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users, issues, lists and revokes their API tokens, and authenticates presented tokens.
 */
@Service
public class UserAccounts {

    private final Users users;

    private final Clock clock;

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
     * A user's tokens, revoked ones included, oldest first.
     */
    public List<ApiToken> tokens(long userId) {
        return users.tokensOf(userId);
    }

    /**
     * Revokes one of a user's tokens at once; revoking a revoked token again changes nothing.
     *
     * @throws ApiException 404 when the user holds no token with that id (another user's included)
     */
    @Transactional
    public void revoke(long userId, long tokenId) {
        if (!users.revoke(userId, tokenId)) {
            throw ApiException.notFound("token");
        }
    }

    /**
     * The caller a presented API token belongs to, if it is a valid, unrevoked token. The stored hash found by the
     * look-up is compared again in constant time, so that the answer never depends on how much of it matched.
     */
    public Optional<Caller> authenticate(String token) {
        if (!ApiTokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = ApiTokenFormat.hash(token);
        return users.findByTokenHash(hash).filter(owner -> sameHash(owner.tokenHash(), hash)).map(owner -> {
            users.touch(owner.tokenId());
            return owner.caller();
        });
    }

    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(stored), HexFormat.of().parseHex(presented));
    }
}
