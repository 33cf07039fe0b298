package com.firesync.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a sync request: what was decided, why, and what the sync changed.
 *
 * @param connectionId the connection
 * @param decision whether it synced, skipped or failed
 * @param reason the policy's reason, or the failure's code
 * @param nextAllowedAt for a skip, when a sync may next happen, if known
 * @param runId the sync run's id, when one ran
 * @param accounts accounts written
 * @param added transactions added
 * @param updated transactions changed
 * @param removed transactions removed
 * @param durationMs how long the sync took
 */
public record SyncOutcome(long connectionId, Decision decision, String reason, @Nullable Instant nextAllowedAt,
        @Nullable Long runId, int accounts, int added, int updated, int removed, long durationMs) {

    static SyncOutcome skipped(long connectionId, SyncDecision decision) {
        return new SyncOutcome(connectionId, Decision.SKIPPED, decision.reason().code(), decision.nextAllowedAt(),
                null, 0, 0, 0, 0, 0);
    }

    public boolean synced() {
        return decision == Decision.SYNCED;
    }

    /**
     * Whether it was skipped because another sync or a webhook held the connection.
     */
    public boolean heldElsewhere() {
        return decision == Decision.SKIPPED && SyncDecision.Reason.IN_PROGRESS.code().equals(reason);
    }

    /**
     * What happened to a sync request; serialised as {@code synced}, {@code skipped} or {@code failed}.
     */
    public enum Decision {

        /** It ran and committed everything. */
        SYNCED,

        /** The policy, the circuit or another sync held it back. */
        SKIPPED,

        /** It ran and failed. */
        FAILED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Decision of(RunOutcome run) {
            return run == RunOutcome.SYNCED ? SYNCED : FAILED;
        }
    }
}
