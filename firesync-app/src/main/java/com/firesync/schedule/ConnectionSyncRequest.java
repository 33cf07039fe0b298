package com.firesync.schedule;

/**
 * The data of a {@code syncConnection} task, stored as JSON: ids and codes only, never a token.
 *
 * @param connectionId the connection to sync
 * @param trigger the sync trigger's code ({@code schedule} or {@code health})
 */
record ConnectionSyncRequest(long connectionId, String trigger) {
}
