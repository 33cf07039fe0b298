package com.firesync.sync;

/**
 * A sync ended in failure; published alongside {@link SyncCompleted}, for listeners that care about failures only.
 *
 * @param connectionId the connection
 * @param runId the sync run
 * @param trigger why it ran
 * @param errorCode what failed
 */
public record SyncFailed(long connectionId, long runId, SyncTrigger trigger, String errorCode) {
}
