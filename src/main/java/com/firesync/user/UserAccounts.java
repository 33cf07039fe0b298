package com.firesync.user;

import com.firesync.shared.Caller;
import com.firesync.shared.Role;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users and authenticates API tokens.
 */
@Service
public class UserAccounts {

    private final Users users;

    UserAccounts(Users users) {
        this.users = users;
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
     * The caller a presented API token belongs to, if it is a valid, unrevoked token.
     */
    public Optional<Caller> authenticate(String token) {
        if (!ApiTokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        return users.findByTokenHash(ApiTokenFormat.hash(token));
    }
}
