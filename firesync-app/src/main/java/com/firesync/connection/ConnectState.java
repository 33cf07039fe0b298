package com.firesync.connection;

import org.jspecify.annotations.Nullable;

/**
 * A consumed connect state: whose flow it was and, for a reconnect, which connection.
 *
 * @param id the state's row id
 * @param userId the user who started the flow
 * @param flow a new link or a repair
 * @param connectionId the connection being repaired, for a reconnect
 */
record ConnectState(long id, long userId, ConnectFlow.Flow flow, @Nullable Long connectionId) {
}
