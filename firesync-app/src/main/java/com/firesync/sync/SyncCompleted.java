package com.firesync.sync;

import java.time.Duration;

/**
 * A sync ran to its end, successfully or not. Published in the database transaction that
 * records the run's end.
 *
 * @param connectionId the connection
 * @param userId its owner
 * @param runId the sync run
 * @param trigger why it ran
 * @param outcome {@link RunOutcome#SYNCED} or {@link RunOutcome#FAILED}
 * @param errorCode the failure's code, {@code null} when it synced
 * @param accounts accounts synced
 * @param added transactions added
 * @param updated transactions changed
 * @param removed transactions removed
 * @param duration how long it took
 * @param provider the connection's provider ({@code null} in events recorded before connections had several)
 */
public record SyncCompleted(long connectionId, long userId, long runId, SyncTrigger trigger, RunOutcome outcome,
        @org.jspecify.annotations.Nullable String errorCode, int accounts, int added, int updated, int removed,
        Duration duration, @org.jspecify.annotations.Nullable String provider) {

    public boolean succeeded() {
        return errorCode == null;
    }
}
