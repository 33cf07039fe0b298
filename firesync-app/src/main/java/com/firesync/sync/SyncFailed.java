package com.firesync.sync;

/**
 * A sync ended in failure; published alongside {@link SyncCompleted}, for listeners that care about failures only,
 * in the same database transaction.
 *
 * @param connectionId the connection
 * @param userId its owner
 * @param runId the sync run
 * @param trigger why it ran
 * @param errorCode what failed
 */
public record SyncFailed(long connectionId, long userId, long runId, SyncTrigger trigger, String errorCode) {
}
