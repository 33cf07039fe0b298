/**
 * Sync: pulls a connection's accounts and transactions from the provider into the ledger and records each run.
 */
@NullMarked
package com.firesync.sync;

import org.jspecify.annotations.NullMarked;
