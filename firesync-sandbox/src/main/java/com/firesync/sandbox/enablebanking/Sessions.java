package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.world.SandboxConnection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sessions made by {@code POST /sessions}, found by id or by one of their account uids. Kept in memory: a
 * restarted sandbox has none (its bank customers and their connections stay in the world).
 */
final class Sessions {

    private final ConcurrentMap<String, Session> byId = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Session> byAccount = new ConcurrentHashMap<>();

    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session open(Authorization authorization, SandboxConnection connection) {
        Map<String, Long> accounts = new LinkedHashMap<>();
        connection.accountIds().forEach(accountId -> accounts.put(UUID.randomUUID().toString(), accountId));
        var session = new Session(UUID.randomUUID().toString(), authorization, connection.id(), accounts,
                clock.instant());
        byId.put(session.id(), session);
        session.uids().forEach(uid -> byAccount.put(uid, session));
        return session;
    }

    Session find(String id) {
        Session session = byId.get(id);
        if (session == null) {
            throw new EnableBankingError(404, "SESSION_DOES_NOT_EXIST", "Session does not exist", null);
        }
        return session;
    }

    /** The session an account uid belongs to, refused once that session expired or was closed. */
    Session readable(String uid) {
        Session session = byAccount.get(uid);
        if (session == null) {
            throw new EnableBankingError(404, "ACCOUNT_DOES_NOT_EXIST", "Account does not exist", null);
        }
        return switch (session.status(clock.instant())) {
            case "EXPIRED" -> EnableBankingError.unauthorized("EXPIRED_SESSION", "Session expired").thrown();
            case "CLOSED" -> EnableBankingError.unauthorized("CLOSED_SESSION", "Session is closed").thrown();
            default -> session;
        };
    }
}
