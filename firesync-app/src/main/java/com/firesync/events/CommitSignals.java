package com.firesync.events;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the tails that a transaction wrote events, once per transaction and once it commits: this instance's tail in
 * process, the other instances' through a PostgreSQL notification ({@link PostgresNotifications}: sent after the
 * commit, never for a rollback).
 */
@Component
class CommitSignals {

    private static final String BOUND = CommitSignals.class.getName();

    private final EventTail tail;

    private final PostgresNotifications others;

    CommitSignals(EventTail tail, PostgresNotifications others) {
        this.tail = tail;
        this.others = others;
    }

    /** Called after an event was appended in the current transaction, if any. */
    void written() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tail.signal();
            others.committed();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(BOUND)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(BOUND, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                tail.signal();
                others.committed();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(BOUND);
            }
        });
    }
}
