package com.firesync.sandbox.enablebanking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The authorisations started by {@code POST /auth} and the single-use codes their redirects carry. A code is
 * exchanged once ({@code ALREADY_AUTHORIZED} after) and within its lifetime ({@code EXPIRED_AUTHORIZATION_CODE}
 * after); an unknown one is {@code WRONG_AUTHORIZATION_CODE}. Kept in memory.
 */
final class Authorizations {

    private final ConcurrentMap<String, Authorization> byId = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Authorization> byCode = new ConcurrentHashMap<>();

    private final Duration codeLifetime;

    private final Clock clock;

    Authorizations(Duration codeLifetime, Clock clock) {
        this.codeLifetime = codeLifetime;
        this.clock = clock;
    }

    void add(Authorization authorization) {
        byId.put(authorization.id(), authorization);
    }

    Optional<Authorization> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Grants the connection and answers the code for the redirect. */
    String authorize(Authorization authorization, long connectionId) {
        String code = UUID.randomUUID().toString();
        authorization.authorize(code, connectionId, clock.instant());
        byCode.put(code, authorization);
        return code;
    }

    /** The authorisation a {@code POST /sessions} code belongs to, used up by this call. */
    Authorization redeem(String code) {
        Authorization authorization = byCode.get(code);
        if (authorization == null) {
            throw EnableBankingError.unprocessable("WRONG_AUTHORIZATION_CODE", "Wrong authorization code provided",
                    null);
        }
        Instant authorized = authorization.authorized();
        if (authorized != null && !authorized.plus(codeLifetime).isAfter(clock.instant())) {
            throw EnableBankingError.unprocessable("EXPIRED_AUTHORIZATION_CODE", "Authorization code is expired",
                    null);
        }
        if (!authorization.redeem()) {
            throw EnableBankingError.unprocessable("ALREADY_AUTHORIZED", "Session is already authorized", null);
        }
        return authorization;
    }
}
