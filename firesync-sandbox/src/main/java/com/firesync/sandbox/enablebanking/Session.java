package com.firesync.sandbox.enablebanking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One authorised session: its authorisation, the bank connection it reads and the uids its accounts have in it
 * (fresh for every session). It expires at {@code valid_until} on the sandbox clock and ends when the application
 * deletes it.
 */
final class Session {

    private final String id;

    private final Authorization authorization;

    private final long connectionId;

    private final Map<String, Long> accounts;

    private final Instant created;

    private volatile @Nullable Instant closed;

    Session(String id, Authorization authorization, long connectionId, Map<String, Long> accounts, Instant created) {
        this.id = id;
        this.authorization = authorization;
        this.connectionId = connectionId;
        this.accounts = new LinkedHashMap<>(accounts);
        this.created = created;
    }

    String id() {
        return id;
    }

    Authorization authorization() {
        return authorization;
    }

    long connectionId() {
        return connectionId;
    }

    Instant created() {
        return created;
    }

    @Nullable
    Instant closed() {
        return closed;
    }

    List<String> uids() {
        return List.copyOf(accounts.keySet());
    }

    /** The world account behind a uid of this session. */
    Optional<Long> account(String uid) {
        return Optional.ofNullable(accounts.get(uid));
    }

    Instant validUntil() {
        return authorization.validUntil().toInstant();
    }

    /** {@code AUTHORIZED}, {@code EXPIRED} from {@code valid_until} on, or {@code CLOSED} once deleted. */
    String status(Instant now) {
        if (closed != null) {
            return "CLOSED";
        }
        return now.isBefore(validUntil()) ? "AUTHORIZED" : "EXPIRED";
    }

    void close(Instant now) {
        if (closed == null) {
            closed = now;
        }
    }
}
