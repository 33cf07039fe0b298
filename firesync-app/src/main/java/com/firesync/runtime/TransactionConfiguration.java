package com.firesync.runtime;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * How transactions behave where code runs without one.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    /**
     * Transaction synchronization only inside real transactions. By default Spring also synchronizes an empty scope
     * (a listener declared {@code NOT_SUPPORTED}, such as a first sync), and a JDBC connection taken in one stays bound
     * to the thread until the scope ends: a first sync would hold a pooled connection for its whole run, provider
     * calls included, and as many first syncs at once as the pool has connections would leave none for the shared
     * budget's permits (PostgreSQL). Without it each statement outside a transaction returns its connection, and
     * what waits for a commit ({@code afterCommit}) runs at once when there is no transaction to wait for.
     */
    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> synchronizeActualTransactionsOnly() {
        return manager -> manager.setTransactionSynchronization(
                AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
    }
}
