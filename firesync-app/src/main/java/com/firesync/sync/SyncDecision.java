package com.firesync.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the policy decided about one connection, and why.
 *
 * @param sync whether to sync now
 * @param reason why: for a sync {@code first_sync}, {@code forced}, {@code stale}, {@code due}, {@code retry},
 *        {@code triggered}; for a skip {@code fresh}, {@code rate_limited}, {@code in_progress}, {@code needs_user_action},
 *        {@code circuit_open}, {@code disabled}, {@code quota_exhausted} (an unattended sync would break the provider's
 *        daily limit on reads without the user)
 * @param nextAllowedAt for a skip, when a sync may next happen, if the policy knows
 */
public record SyncDecision(boolean sync, Reason reason, @Nullable Instant nextAllowedAt) {

    static SyncDecision run(Reason reason) {
        return new SyncDecision(true, reason, null);
    }

    static SyncDecision skip(Reason reason, @Nullable Instant nextAllowedAt) {
        return new SyncDecision(false, reason, nextAllowedAt);
    }

    /**
     * The reasons the policy gives; serialised as their lower-case code ({@code first_sync}...).
     */
    public enum Reason {
        FIRST_SYNC, FORCED, STALE, DUE, RETRY, TRIGGERED, FRESH, RATE_LIMITED, IN_PROGRESS, NEEDS_USER_ACTION, CIRCUIT_OPEN, DISABLED, QUOTA_EXHAUSTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
