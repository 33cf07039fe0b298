package com.firesync.events;

import com.firesync.runtime.DatabaseKind;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the tails that a transaction wrote events, once per transaction and once it commits: this instance's tail in
 * process, the other instances' through a PostgreSQL notification (sent at commit, never for a rollback).
 */
@Component
class CommitSignals {

    private static final String BOUND = CommitSignals.class.getName();

    private final EventTail tail;

    private final EventLog log;

    private final boolean postgres;

    CommitSignals(EventTail tail, EventLog log, Environment environment) {
        this.tail = tail;
        this.log = log;
        this.postgres = DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL;
    }

    /** Called after an event was appended in the current transaction, if any. */
    void written() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tail.signal();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(BOUND)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(BOUND, Boolean.TRUE);
        if (postgres) {
            log.notifyOnCommit();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                tail.signal();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(BOUND);
            }
        });
    }
}
