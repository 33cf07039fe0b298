package com.firesync.privacy;

/**
 * A deletion accepted: the resource is invisible to the API from now on and the rest happens in the background.
 *
 * @param id the connection's or user's id
 * @param status always {@code deleting}
 * @param keepHistory for a connection: whether its accounts and transactions are kept, archived
 */
public record DeletionStarted(long id, String status, boolean keepHistory) {

    static DeletionStarted of(long id, boolean keepHistory) {
        return new DeletionStarted(id, "deleting", keepHistory);
    }
}
