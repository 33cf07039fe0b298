package com.firesync.sync;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a sync request: what was decided, why, and what the sync changed.
 *
 * @param connectionId the connection
 * @param decision {@code synced}, {@code skipped} or {@code failed}
 * @param reason the policy's reason, or the failure's code
 * @param nextAllowedAt for a skip, when a sync may next happen, if known
 * @param runId the sync run's id, when one ran
 * @param accounts accounts written
 * @param added transactions added
 * @param updated transactions changed
 * @param removed transactions removed
 * @param durationMs how long the sync took
 */
public record SyncOutcome(long connectionId, String decision, String reason, @Nullable Instant nextAllowedAt,
        @Nullable Long runId, int accounts, int added, int updated, int removed, long durationMs) {

    static SyncOutcome skipped(long connectionId, SyncDecision decision) {
        return new SyncOutcome(connectionId, "skipped", decision.reason(), decision.nextAllowedAt(), null, 0, 0, 0, 0,
                0);
    }

    public boolean synced() {
        return "synced".equals(decision);
    }
}
