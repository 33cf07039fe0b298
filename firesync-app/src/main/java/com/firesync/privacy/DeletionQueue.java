package com.firesync.privacy;

/**
 * Where deletions wait until they are done: a job per deletion, retried with a backoff until the provider has
 * confirmed it, on whichever instance picks it. Queuing joins the caller's transaction, so a deletion is marked and
 * queued together or not at all.
 */
public interface DeletionQueue {

    /**
     * Queues the completion of a connection's deletion ({@link ConnectionDeletion#complete(long)}).
     */
    void deleteConnection(long connectionId);

    /**
     * Queues the completion of a user's erasure ({@link UserErasure#complete(long)}).
     */
    void eraseUser(long userId);

    /**
     * Drops what is queued for a connection that is gone (its sync, a deletion a user erasure made moot).
     */
    void forgetConnection(long connectionId);
}
