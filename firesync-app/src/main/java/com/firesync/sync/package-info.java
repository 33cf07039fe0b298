/**
 * Sync: pulls a connection's accounts and transactions from the provider into the ledger and records each run.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"connection", "ledger", "provider", "provider :: resilience", "shared"})
package com.firesync.sync;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
