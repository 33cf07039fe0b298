package com.firesync.sync;

/**
 * A sync run started. Published in the database transaction that records the run.
 *
 * @param connectionId the connection
 * @param userId its owner
 * @param runId the sync run
 * @param trigger why it runs
 */
public record SyncStarted(long connectionId, long userId, long runId, SyncTrigger trigger) {
}
